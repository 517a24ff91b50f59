package dev.workflowtracing.workflow;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Optional;

/**
 * One node of a workflow.
 *
 * @param config type-specific settings, e.g. {@code prompt} for an llm node
 * @param timeout limit for one attempt; empty means the engine default
 */
public record NodeDefinition(
    String id,
    NodeType type,
    String label,
    JsonObject config,
    RetryPolicy retry,
    Optional<Duration> timeout) {

  public String configString(String key, String defaultValue) {
    return config.containsKey(key) && !config.isNull(key) ? stringOf(key) : defaultValue;
  }

  public long configLong(String key, long defaultValue) {
    return config.containsKey(key) ? config.getJsonNumber(key).longValue() : defaultValue;
  }

  private String stringOf(String key) {
    var value = config.get(key);
    return value instanceof jakarta.json.JsonString s ? s.getString() : value.toString();
  }
}
