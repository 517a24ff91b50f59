package dev.workflowtracing.instrumentation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
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

  /** Compared with keys stripped of separators, so the env-var spellings match too. */
  private static final List<String> SECRET_WORDS =
      List.of("password", "secret", "apikey", "token", "headers", "credential");

  private EffectiveSettings() {}

  public static List<Setting> of(Config config) {
    return of(
        StreamSupport.stream(config.getPropertyNames().spliterator(), false).toList(),
        key -> config.getOptionalValue(key, String.class).orElse(null));
  }

  static List<Setting> of(List<String> propertyNames, Function<String, String> valueOf) {
    // One entry per setting: the environment source names WORKFLOW_LLM_API_KEY
    // "workflow.llm.api.key", the same setting as the documented "workflow.llm.api-key".
    Map<String, String> keyBySetting = new TreeMap<>();
    OPTIONAL_KEYS.forEach(key -> keyBySetting.put(normalized(key), key));
    propertyNames.stream()
        .filter(k -> k.startsWith("tracing.") || k.startsWith("otel.") || k.startsWith("workflow."))
        .sorted()
        .forEach(key -> keyBySetting.merge(normalized(key), key, EffectiveSettings::documented));
    return keyBySetting.values().stream()
        .sorted()
        .map(
            key -> {
              String value = valueOf.apply(key);
              boolean secret = isSecret(key);
              return new Setting(key, secret && value != null ? MASK : value, secret);
            })
        .toList();
  }

  static boolean isSecret(String key) {
    String setting = normalized(key);
    return SECRET_WORDS.stream().anyMatch(setting::contains);
  }

  /** The documented keys use dashes inside a segment; the env-var spelling has only dots. */
  private static String documented(String one, String other) {
    return one.contains("-") || !other.contains("-") ? one : other;
  }

  private static String normalized(String key) {
    return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
