package dev.workflowtracing.web.output;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Gzips the answers of {@link Gzipped} methods from {@link AcceptEncoding#GZIP_FROM_BYTES} for
 * clients that accept it. The answer is written to memory first, to know its size: these are
 * answers the resource built in memory anyway.
 */
@Provider
@Gzipped
public class GzipLargeAnswers implements WriterInterceptor {

  @Context HttpHeaders request;

  @Override
  public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
    context.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
    if (!AcceptEncoding.accepts(request.getHeaderString(HttpHeaders.ACCEPT_ENCODING), "gzip")
        || context.getHeaders().containsKey(HttpHeaders.CONTENT_ENCODING)) {
      context.proceed();
      return;
    }
    OutputStream out = context.getOutputStream();
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    context.setOutputStream(answer);
    context.proceed();
    if (answer.size() < AcceptEncoding.GZIP_FROM_BYTES) {
      answer.writeTo(out);
      return;
    }
    context.getHeaders().putSingle(HttpHeaders.CONTENT_ENCODING, "gzip");
    context.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
    GZIPOutputStream gzip = new GZIPOutputStream(out);
    answer.writeTo(gzip);
    gzip.finish();
  }
}
