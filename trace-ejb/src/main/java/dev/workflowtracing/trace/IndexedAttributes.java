package dev.workflowtracing.trace;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which attribute keys get a row in {@code span_attributes} ({@code
 * tracing.persistence.indexed-attributes}). Every attribute row costs a write per span, so only the
 * keys people filter by are indexed; the rest are found through the spans' attribute JSON.
 */
public record IndexedAttributes(boolean all, Set<String> keys) {

  public static IndexedAttributes parse(String list) {
    Set<String> keys =
        Arrays.stream(list.split(","))
            .map(String::trim)
            .filter(k -> !k.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    return new IndexedAttributes(keys.contains("*"), keys);
  }

  public boolean contains(String key) {
    return all || keys.contains(key);
  }
}
