package dev.workflowtracing.conventions;

import java.util.Locale;
import java.util.Optional;

/**
 * What a span of a workflow trace stands for, carried in {@link WorkflowAttributes#SPAN_ROLE} and
 * stored in its own column: readers tell a run's root from its nodes and attempts by this, never by
 * parsing span names.
 */
public enum SpanRole {
  /** The run's root span. */
  RUN,
  /** One node's execution, all of its attempts included. */
  NODE,
  /** One try at a node, a child of the node's span. */
  ATTEMPT;

  /** As written in the attribute and the API: {@code run}, {@code node}, {@code attempt}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<SpanRole> of(String value) {
    for (SpanRole role : values()) {
      if (role.value().equals(value)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
