package dev.workflowtracing.tracestore;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which attribute keys get a row in {@code span_attributes} ({@code
 * tracing.persistence.indexed-attributes}): {@code none} (the default), a list of keys, or {@code
 * *}. Every attribute row is one more insert per span, and on the default embedded database those
 * rows were most of tracing's cost under load; the attribute filter finds any key through the
 * spans' attribute JSON, fast enough at a million spans (docs/performance.md).
 */
public record IndexedAttributes(boolean all, Set<String> keys) {

  public static final String NONE = "none";

  public static IndexedAttributes parse(String list) {
    Set<String> keys =
        Arrays.stream(list.split(","))
            .map(String::trim)
            .filter(k -> !k.isEmpty() && !k.equals(NONE))
            .collect(Collectors.toUnmodifiableSet());
    return new IndexedAttributes(keys.contains("*"), keys);
  }

  public boolean contains(String key) {
    return all || keys.contains(key);
  }
}
