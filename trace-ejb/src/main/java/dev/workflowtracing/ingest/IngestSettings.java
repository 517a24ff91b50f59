package dev.workflowtracing.ingest;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;

/**
 * The OTLP receiver's settings, {@code tracing.ingest.*}, read once; a value out of range stops the
 * deployment naming its key.
 *
 * @param tokens the bearer tokens that hold the {@code ingest} role, by name
 * @param maxBodyBytes the largest request body, also once decompressed
 * @param maxConcurrentWrites how many requests may write spans at once; more wait
 * @param admissionWait how long a request waits for its turn before it is answered 429
 */
public record IngestSettings(
    boolean enabled,
    Map<String, String> tokens,
    int maxBodyBytes,
    int maxConcurrentWrites,
    Duration admissionWait) {

  static final int MIN_TOKEN_LENGTH = 16;

  public static IngestSettings from(Config config) {
    int maxBody = config.getValue("tracing.ingest.max-body-bytes", Integer.class);
    if (maxBody < 1024) {
      throw new IllegalArgumentException("tracing.ingest.max-body-bytes must be at least 1024");
    }
    int writes = config.getValue("tracing.ingest.max-concurrent-writes", Integer.class);
    if (writes < 1 || writes > 64) {
      throw new IllegalArgumentException(
          "tracing.ingest.max-concurrent-writes must be between 1 and 64");
    }
    long waitMs = config.getValue("tracing.ingest.admission-wait-ms", Long.class);
    if (waitMs < 0 || waitMs > 60_000) {
      throw new IllegalArgumentException(
          "tracing.ingest.admission-wait-ms must be between 0 and 60000");
    }
    return new IngestSettings(
        config.getValue("tracing.ingest.enabled", Boolean.class),
        tokens(config.getOptionalValue("tracing.ingest.tokens", String.class).orElse("")),
        maxBody,
        writes,
        Duration.ofMillis(waitMs));
  }

  /** {@code name=secret} pairs, comma separated; a secret shorter than 16 characters is refused. */
  static Map<String, String> tokens(String value) {
    Map<String, String> tokens = new TreeMap<>();
    for (String entry : value.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int equals = entry.indexOf('=');
      String name = equals < 0 ? "" : entry.substring(0, equals).strip();
      String secret = equals < 0 ? "" : entry.substring(equals + 1).strip();
      if (name.isEmpty() || secret.length() < MIN_TOKEN_LENGTH) {
        throw new IllegalArgumentException(
            "tracing.ingest.tokens: each entry is name=secret with a secret of at least "
                + MIN_TOKEN_LENGTH
                + " characters (entry "
                + (name.isEmpty() ? "without a name" : "\"" + name + "\"")
                + ")");
      }
      tokens.put(name, secret);
    }
    return Map.copyOf(tokens);
  }

  @Override
  public String toString() {
    // Never the secrets: this record is shown in the effective configuration and in logs.
    return "IngestSettings[enabled="
        + enabled
        + ", tokens="
        + tokens.keySet()
        + ", maxBodyBytes="
        + maxBodyBytes
        + ", maxConcurrentWrites="
        + maxConcurrentWrites
        + ", admissionWait="
        + admissionWait
        + "]";
  }
}
