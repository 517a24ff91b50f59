package dev.workflowtracing.tracestore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * A trace as the API sends it in one representation: its body, the same gzipped, and a strong
 * entity tag (a digest of the body), so a reader that has it already gets a 304 and a large body
 * travels compressed.
 *
 * @param finished its run ended and every span of ours is stored: only foreign spans can still come
 * @param foreignSpans the foreign spans its run counted when it was rendered
 */
public record RenderedTrace(
    byte[] body, byte[] gzip, String etag, boolean finished, int foreignSpans) {

  public static RenderedTrace of(byte[] body, boolean finished) {
    return of(body, finished, 0);
  }

  public static RenderedTrace of(byte[] body, boolean finished, int foreignSpans) {
    return new RenderedTrace(body, gzip(body), digest(body), finished, foreignSpans);
  }

  /** What it takes in memory, for the cache's bound. */
  long size() {
    return body.length + gzip.length + 64L;
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 6 + 64);
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String digest(byte[] bytes) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always there", e);
    }
  }
}
