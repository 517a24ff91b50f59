package dev.workflowtracing.web.traces;

import dev.workflowtracing.tracestore.RenderedTrace;
import dev.workflowtracing.web.output.AcceptEncoding;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;

/**
 * The HTTP answer for a rendered trace: 304 when the client's copy is current, otherwise its body,
 * gzipped when the client accepts it and it is worth it. A finished trace is revalidated on each
 * use ({@code private, no-cache} with a strong ETag); one still growing is not stored at all.
 *
 * @param body null for a 304
 * @param etag null when the trace may still change
 */
record TraceResponse(
    int status, MediaType type, byte[] body, boolean gzip, String etag, String cacheControl) {

  private static final String GZIP_SUFFIX = "-gz";

  static TraceResponse of(
      RenderedTrace trace, MediaType type, String ifNoneMatch, String acceptEncoding) {
    boolean gzip =
        trace.body().length >= AcceptEncoding.GZIP_FROM_BYTES
            && AcceptEncoding.accepts(acceptEncoding, "gzip");
    byte[] body = gzip ? trace.gzip() : trace.body();
    if (!trace.finished()) {
      return new TraceResponse(200, type, body, gzip, null, "no-store");
    }
    // A strong tag names one representation: the gzipped one has its own. Each encoding's tag is
    // a digest of its own bytes, so a copy in one encoding never validates the other.
    String tag = "\"" + trace.etag() + (gzip ? GZIP_SUFFIX : "") + "\"";
    if (matches(ifNoneMatch, trace.etag())) {
      return new TraceResponse(304, type, null, false, tag, "private, no-cache");
    }
    return new TraceResponse(200, type, body, gzip, tag, "private, no-cache");
  }

  Response toResponse() {
    Response.ResponseBuilder answer =
        body == null ? Response.notModified() : Response.ok(body, type);
    if (gzip) {
      answer.header(HttpHeaders.CONTENT_ENCODING, "gzip");
    }
    if (etag != null) {
      answer.header(HttpHeaders.ETAG, etag);
    }
    return answer
        .header(HttpHeaders.CACHE_CONTROL, cacheControl)
        .header(HttpHeaders.VARY, "Accept, Accept-Encoding")
        .build();
  }

  /** If-None-Match names this trace in either representation (or is {@code *}). */
  private static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    return Arrays.stream(ifNoneMatch.split(","))
        .map(String::trim)
        .map(t -> t.startsWith("W/") ? t.substring(2) : t)
        .map(t -> t.replace("\"", ""))
        .map(t -> t.endsWith(GZIP_SUFFIX) ? t.substring(0, t.length() - GZIP_SUFFIX.length()) : t)
        .anyMatch(t -> t.equals("*") || t.equals(etag));
  }
}
