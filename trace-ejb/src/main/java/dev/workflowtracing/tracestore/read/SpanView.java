package dev.workflowtracing.tracestore.read;

import dev.workflowtracing.json.JsonText;
import dev.workflowtracing.tracestore.SpanRecord;
import dev.workflowtracing.tracestore.TraceTree;
import jakarta.json.JsonValue;
import java.time.Instant;

/**
 * A span as the API shows it; {@code role} says what it stands for (run, node, attempt; null for a
 * span from elsewhere); {@code service} names the service that made it, and {@code foreign} says it
 * was sent by another service (OTLP) rather than made by the engine. Times are microseconds from
 * the trace's start, which JavaScript numbers hold exactly (epoch nanoseconds do not); {@code
 * startTime} gives the absolute time.
 */
public record SpanView(
    String spanId,
    String parentSpanId,
    String name,
    String kind,
    String status,
    String statusMessage,
    String nodeId,
    String role,
    String startTime,
    long offsetMicros,
    long durationMicros,
    int depth,
    int childCount,
    JsonValue attributes,
    JsonValue events,
    String service,
    String serviceInstance,
    boolean foreign) {

  public static SpanView of(TraceTree.Row row, long traceStartNanos) {
    SpanRecord s = row.span();
    return new SpanView(
        s.getSpanId(),
        s.getParentSpanId(),
        s.getName(),
        s.getKind(),
        s.getStatusCode(),
        s.getStatusMessage(),
        s.getNodeId(),
        s.getRole(),
        isoTime(s.getStartNanos()),
        (s.getStartNanos() - traceStartNanos) / 1000,
        (s.getEndNanos() - s.getStartNanos()) / 1000,
        row.depth(),
        row.childCount(),
        JsonText.parse(s.getAttributes()),
        JsonText.parse(s.getEvents()),
        s.getSource().getServiceName(),
        s.getSource().getServiceInstanceId(),
        s.isForeign());
  }

  public static String isoTime(long epochNanos) {
    return Instant.ofEpochSecond(0, epochNanos).toString();
  }
}
