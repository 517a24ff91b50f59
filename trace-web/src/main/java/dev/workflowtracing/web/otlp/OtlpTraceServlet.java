package dev.workflowtracing.web.otlp;

import dev.workflowtracing.ingest.IngestRefused;
import dev.workflowtracing.ingest.IngestResult;
import dev.workflowtracing.ingest.IngestSettings;
import dev.workflowtracing.ingest.IngestStats;
import dev.workflowtracing.ingest.IngestTokens;
import dev.workflowtracing.ingest.SpanIngest;
import dev.workflowtracing.json.BoundedJson;
import dev.workflowtracing.otlp.InvalidOtlpException;
import dev.workflowtracing.otlp.OtlpBatch;
import dev.workflowtracing.otlp.OtlpJson;
import dev.workflowtracing.otlp.OtlpProtobuf;
import dev.workflowtracing.otlp.OwnSpans;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code POST /v1/traces}: OTLP/HTTP 1.x, protobuf or JSON, gzipped or not. Authenticated by a
 * bearer token of the {@code ingest} role ({@code tracing.ingest.tokens}); HTTP Basic credentials
 * of a user are recognised, and refused with 403 (no user holds the role). Bounded: the body, also
 * once unzipped, by {@code tracing.ingest.max-body-bytes} (413), the writes by {@link SpanIngest}
 * (429 or 503 with {@code Retry-After}). A span that cannot be stored is reported in the partial
 * success.
 */
@WebServlet(OtlpTraceServlet.PATH)
public class OtlpTraceServlet extends HttpServlet {

  public static final String PATH = "/v1/traces";
  static final String INGEST_ROLE = "ingest";

  @Inject SpanIngest ingest;
  @Inject IngestSettings settings;
  @Inject IngestTokens tokens;
  @Inject IngestStats stats;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<OtlpEncoding> encoding = OtlpEncoding.of(request.getContentType());
    OtlpEncoding answerIn = encoding.orElse(null);
    if (!settings.enabled()) {
      refuse(response, answerIn, 404, "The OTLP receiver is switched off (tracing.ingest.enabled)");
      return;
    }
    Optional<String> denied = authenticate(request, response, answerIn);
    if (denied.isPresent()) {
      return;
    }
    if (encoding.isEmpty()) {
      refuse(
          response,
          null,
          415,
          "Send OTLP as Content-Type application/x-protobuf or application/json, not "
              + (request.getContentType() == null ? "no type" : request.getContentType()));
      return;
    }
    // The body is read and decoded only in a writer's turn: memory stays bounded by the writers.
    try (SpanIngest.Turn turn = ingest.turn()) {
      Optional<OtlpBatch> batch = readBatch(request, response, encoding.get());
      if (batch.isPresent()) {
        IngestResult result = ingest.ingest(turn, batch.get());
        OtlpAnswer.success(response, encoding.get(), result.rejected(), result.rejectionMessage());
      }
    } catch (IngestRefused e) {
      response.setHeader("Retry-After", Long.toString(e.retryAfter().toSeconds()));
      int status = e.reason() == IngestRefused.Reason.BUSY ? 429 : 503;
      OtlpAnswer.failure(
          response,
          encoding.get(),
          status,
          e.getMessage()
              + "; this request's spans were not taken, send it again after the Retry-After"
              + " seconds");
    }
  }

  /** The request's spans, or empty when the body was refused (answered with its status). */
  private Optional<OtlpBatch> readBatch(
      HttpServletRequest request, HttpServletResponse response, OtlpEncoding encoding)
      throws IOException {
    try {
      return Optional.of(decode(encoding, BoundedBody.read(request, settings.maxBodyBytes())));
    } catch (BoundedBody.TooLarge e) {
      refuse(response, encoding, 413, e.getMessage());
    } catch (BoundedBody.Unreadable e) {
      refuse(response, encoding, e.status(), e.getMessage());
    } catch (InvalidOtlpException e) {
      refuse(response, encoding, 400, e.getMessage());
    }
    return Optional.empty();
  }

  private static OtlpBatch decode(OtlpEncoding encoding, byte[] body) {
    if (encoding == OtlpEncoding.PROTOBUF) {
      return OtlpProtobuf.decode(body, OwnSpans.NONE);
    }
    try {
      var json =
          BoundedJson.read(
              new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
      if (json == null) {
        throw new InvalidOtlpException("the body is empty: send an ExportTraceServiceRequest");
      }
      return OtlpJson.decode(json, OwnSpans.NONE);
    } catch (BoundedJson.InvalidJsonException e) {
      throw new InvalidOtlpException(e.getMessage());
    }
  }

  /**
   * Empty when the request may ingest; otherwise it has been answered (401 or 403) and the reason
   * is returned.
   */
  private Optional<String> authenticate(
      HttpServletRequest request, HttpServletResponse response, OtlpEncoding encoding)
      throws IOException {
    String authorization = request.getHeader("Authorization");
    if (request.isUserInRole(INGEST_ROLE)) {
      // An API token of the ingest role, checked by the application's authentication.
      return Optional.empty();
    }
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      if (tokens.nameOf(authorization.substring(7).strip()).isPresent()) {
        return Optional.empty();
      }
      return unauthorized(
          response,
          encoding,
          "The bearer token is not an ingest token: neither one of tracing.ingest.tokens nor an"
              + " active API token of the ingest role");
    }
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      // The application's authentication has checked the password already (and the login
      // throttle counts the 401 answered here).
      if (request.getUserPrincipal() == null) {
        return unauthorized(response, encoding, "The user name or password is wrong");
      }
      refuse(
          response,
          encoding,
          403,
          "Sending spans needs the ingest role, which users do not hold: send"
              + " \"Authorization: Bearer <token>\" with an ingest token");
      return Optional.of("forbidden");
    }
    return unauthorized(
        response,
        encoding,
        "Send \"Authorization: Bearer <token>\" with a token of tracing.ingest.tokens"
            + " (docs/security.md)");
  }

  private Optional<String> unauthorized(
      HttpServletResponse response, OtlpEncoding encoding, String detail) throws IOException {
    response.setHeader("WWW-Authenticate", "Bearer realm=\"Workflow Tracing OTLP\"");
    refuse(response, encoding, 401, detail);
    return Optional.of(detail);
  }

  private void refuse(HttpServletResponse response, OtlpEncoding encoding, int status, String why)
      throws IOException {
    stats.invalidRequest();
    OtlpAnswer.failure(response, encoding, status, why);
  }
}
