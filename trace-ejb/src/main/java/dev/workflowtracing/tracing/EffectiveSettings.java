package dev.workflowtracing.tracing;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.Config;

/**
 * The configuration in force, for the admin view: every {@code tracing.*}, {@code otel.*} and
 * {@code workflow.*} key with its value, secrets masked. A secret's value never leaves here.
 */
public final class EffectiveSettings {

  /** One key and its value; {@code value} is {@link #MASK} for a set secret, null when unset. */
  public record Setting(String key, String value, boolean secret) {}

  public static final String MASK = "****";

  /** Keys with no default, so not listed by the defaults file, but worth showing. */
  private static final List<String> OPTIONAL_KEYS =
      List.of(
          "otel.resource.attributes",
          "otel.exporter.otlp.headers",
          "tracing.redaction.custom-patterns",
          "workflow.llm.endpoint",
          "workflow.llm.api-key");

  private static final List<String> SECRET_WORDS =
      List.of("password", "secret", "api-key", "apikey", "token", "headers", "credential");

  private EffectiveSettings() {}

  public static List<Setting> of(Config config) {
    Set<String> keys = new TreeSet<>(OPTIONAL_KEYS);
    StreamSupport.stream(config.getPropertyNames().spliterator(), false)
        .filter(k -> k.startsWith("tracing.") || k.startsWith("otel.") || k.startsWith("workflow."))
        .forEach(keys::add);
    return keys.stream()
        .map(
            key -> {
              String value = config.getOptionalValue(key, String.class).orElse(null);
              boolean secret = isSecret(key);
              return new Setting(key, secret && value != null ? MASK : value, secret);
            })
        .toList();
  }

  static boolean isSecret(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return SECRET_WORDS.stream().anyMatch(lower::contains);
  }
}
