package dev.workflowtracing.compare;

import dev.workflowtracing.conventions.SpanRole;
import dev.workflowtracing.conventions.WorkflowAttributes;
import dev.workflowtracing.json.JsonText;
import dev.workflowtracing.tracestore.SpanRecord;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What each node of one run did, read from the run's stored node and attempt spans. */
final class RunNodes {

  private RunNodes() {}

  /** By node id; a node without a stored span did not run (or its span is not stored yet). */
  static Map<String, NodeSide> of(List<SpanRecord> spans) {
    Map<String, Tally> byNodeSpan = new HashMap<>();
    for (SpanRecord span : spans) {
      if (SpanRole.NODE.value().equals(span.getRole()) && span.getNodeId() != null) {
        byNodeSpan.put(span.getSpanId(), new Tally(span, attributes(span)));
      }
    }
    for (SpanRecord span : spans) {
      Tally node = byNodeSpan.get(span.getParentSpanId());
      if (node != null && SpanRole.ATTEMPT.value().equals(span.getRole())) {
        node.addAttempt(attributes(span));
      }
    }
    Map<String, NodeSide> sides = new HashMap<>();
    byNodeSpan.values().forEach(tally -> sides.put(tally.span.getNodeId(), tally.side()));
    return sides;
  }

  private static JsonObject attributes(SpanRecord span) {
    return JsonText.parse(span.getAttributes()) instanceof JsonObject o
        ? o
        : JsonValue.EMPTY_JSON_OBJECT;
  }

  private static long number(JsonObject attributes, String key) {
    return attributes.get(key) instanceof JsonNumber n ? n.longValue() : 0;
  }

  /** A node span and what its attempts add up to. */
  private static final class Tally {
    final SpanRecord span;
    final JsonObject attributes;
    int attemptSpans;
    long inputTokens;
    long outputTokens;
    Long costNanos;

    Tally(SpanRecord span, JsonObject attributes) {
      this.span = span;
      this.attributes = attributes;
    }

    void addAttempt(JsonObject attempt) {
      attemptSpans++;
      inputTokens += number(attempt, WorkflowAttributes.GEN_AI_INPUT_TOKENS.getKey());
      outputTokens += number(attempt, WorkflowAttributes.GEN_AI_OUTPUT_TOKENS.getKey());
      if (attempt.get(WorkflowAttributes.COST_NANOS.getKey()) instanceof JsonNumber nanos) {
        costNanos = (costNanos == null ? 0 : costNanos) + nanos.longValue();
      }
    }

    NodeSide side() {
      long counted = number(attributes, WorkflowAttributes.NODE_ATTEMPTS_USED.getKey());
      return NodeSide.of(
          status(),
          counted > 0 ? (int) counted : attemptSpans,
          (span.getEndNanos() - span.getStartNanos()) / 1_000_000,
          inputTokens,
          outputTokens,
          costNanos,
          span.getSpanId());
    }

    private String status() {
      if (attributes.get(WorkflowAttributes.RUN_CANCELLED.getKey()) == JsonValue.TRUE) {
        return "CANCELLED";
      }
      return "ERROR".equals(span.getStatusCode()) ? "FAILED" : "SUCCEEDED";
    }
  }
}
