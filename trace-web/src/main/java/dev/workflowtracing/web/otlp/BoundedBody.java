package dev.workflowtracing.web.otlp;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A request body read whole, never beyond a limit: checked against Content-Length first, then while
 * reading, and once more after unzipping ({@code Content-Encoding: gzip}), so that neither a large
 * body nor a small gzip bomb takes more than the limit.
 */
final class BoundedBody {

  /** Over the limit: answered 413. */
  static final class TooLarge extends Exception {
    TooLarge(String message) {
      super(message, null, false, false);
    }
  }

  /** Not readable as sent (bad gzip, an unknown encoding): answered with its status. */
  static final class Unreadable extends Exception {
    private final int status;

    Unreadable(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  private BoundedBody() {}

  static byte[] read(HttpServletRequest request, int maxBytes)
      throws IOException, TooLarge, Unreadable {
    if (request.getContentLengthLong() > maxBytes) {
      throw tooLarge(maxBytes, "");
    }
    String encoding = request.getHeader("Content-Encoding");
    String coding = encoding == null ? "identity" : encoding.strip().toLowerCase(Locale.ROOT);
    byte[] sent = readAtMost(request.getInputStream(), maxBytes, "");
    return switch (coding) {
      case "identity", "" -> sent;
      case "gzip", "x-gzip" -> gunzip(sent, maxBytes);
      default ->
          throw new Unreadable(
              415, "Content-Encoding " + encoding + " is not supported: send gzip or none");
    };
  }

  private static byte[] gunzip(byte[] zipped, int maxBytes) throws TooLarge, Unreadable {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(zipped))) {
      return readAtMost(in, maxBytes, " once unzipped");
    } catch (ZipException | java.io.EOFException e) {
      throw new Unreadable(400, "The body is not valid gzip: " + e.getMessage());
    } catch (IOException e) {
      throw new Unreadable(400, "The gzipped body cannot be read: " + e.getMessage());
    }
  }

  private static byte[] readAtMost(InputStream in, int maxBytes, String when)
      throws IOException, TooLarge {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 64 * 1024));
    byte[] buffer = new byte[16 * 1024];
    long total = 0;
    for (int n; (n = in.read(buffer)) > 0; ) {
      total += n;
      if (total > maxBytes) {
        throw tooLarge(maxBytes, when);
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static TooLarge tooLarge(int maxBytes, String when) {
    return new TooLarge(
        "The body is larger than "
            + maxBytes
            + " bytes"
            + when
            + " (tracing.ingest.max-body-bytes): send fewer spans per request");
  }
}
