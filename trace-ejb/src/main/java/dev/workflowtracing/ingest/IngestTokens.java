package dev.workflowtracing.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;

/**
 * The bearer tokens of the {@code ingest} role. Only their SHA-256 digests are kept, and a token is
 * compared with every one of them in constant time, so neither the heap nor the response time tells
 * a secret.
 */
public final class IngestTokens {

  /** The longest token looked at: longer ones are refused without hashing them. */
  public static final int MAX_TOKEN_LENGTH = 512;

  private final Map<String, byte[]> digests;

  public IngestTokens(Map<String, String> tokens) {
    this.digests =
        Map.copyOf(
            tokens.entrySet().stream()
                .collect(
                    java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, e -> sha256(e.getValue()))));
  }

  /** The name of the token, if it is one of ours. */
  public Optional<String> nameOf(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      return Optional.empty();
    }
    byte[] digest = sha256(token);
    String found = null;
    for (Map.Entry<String, byte[]> entry : digests.entrySet()) {
      if (MessageDigest.isEqual(digest, entry.getValue())) {
        found = entry.getKey();
      }
    }
    return Optional.ofNullable(found);
  }

  public boolean isEmpty() {
    return digests.isEmpty();
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always there", e);
    }
  }
}
