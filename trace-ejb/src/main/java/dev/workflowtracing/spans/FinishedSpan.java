package dev.workflowtracing.spans;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import java.util.List;

/**
 * One finished span. Ids are lower-case hex (32 and 16 characters), as OpenTelemetry writes them;
 * {@code parentSpanId} is null for a root span; times are epoch nanoseconds.
 */
@SuppressWarnings("java:S107") // a span simply has this many parts
public record FinishedSpan(
    String traceId,
    String spanId,
    String parentSpanId,
    String name,
    SpanKind kind,
    StatusCode statusCode,
    String statusMessage,
    long startNanos,
    long endNanos,
    Attributes attributes,
    List<SpanEvent> events,
    List<SpanLink> links,
    SpanSource source) {

  /** The same span with other attributes, events, links and status message (redaction). */
  public FinishedSpan with(
      Attributes attributes, List<SpanEvent> events, List<SpanLink> links, String statusMessage) {
    return new FinishedSpan(
        traceId,
        spanId,
        parentSpanId,
        name,
        kind,
        statusCode,
        statusMessage,
        startNanos,
        endNanos,
        attributes,
        events,
        links,
        source);
  }

  public boolean isRoot() {
    return parentSpanId == null;
  }
}
