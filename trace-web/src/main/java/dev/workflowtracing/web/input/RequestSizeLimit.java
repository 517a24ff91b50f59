package dev.workflowtracing.web.input;

import dev.workflowtracing.web.WebSettings;
import dev.workflowtracing.web.problem.PayloadTooLargeProblem;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Caps request bodies at {@code tracing.api.max-request-bytes}: a declared length over it is
 * refused at once, and a body that streams past it (chunked) stops being read. Both answer 413.
 */
@Provider
public class RequestSizeLimit implements ContainerRequestFilter {

  @Inject WebSettings settings;

  @Override
  public void filter(ContainerRequestContext request) {
    long maxBytes = settings.maxRequestBytes();
    if (request.getLength() > maxBytes) {
      throw new PayloadTooLargeProblem(maxBytes);
    }
    request.setEntityStream(new LimitedStream(request.getEntityStream(), maxBytes));
  }

  /** Counts what is read and stops at the limit. */
  private static final class LimitedStream extends FilterInputStream {
    private final long limit;
    private long count;

    LimitedStream(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    private void counted(int n) {
      count += n;
      if (count > limit) {
        throw new PayloadTooLargeProblem(limit);
      }
    }
  }
}
