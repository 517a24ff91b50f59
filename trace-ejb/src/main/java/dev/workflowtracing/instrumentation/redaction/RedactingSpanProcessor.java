package dev.workflowtracing.instrumentation.redaction;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.List;

/**
 * The one place spans are redacted: hands each finished span, wrapped so that it redacts itself
 * once, to every downstream processor (one batch processor per exporter).
 */
public final class RedactingSpanProcessor implements SpanProcessor {

  /** A downstream processor and how many spans it was given. */
  public record Downstream(String name, SpanProcessor processor) {}

  private final Redactor redactor;
  private final List<Downstream> downstreams;

  public RedactingSpanProcessor(Redactor redactor, List<Downstream> downstreams) {
    this.redactor = redactor;
    this.downstreams = List.copyOf(downstreams);
  }

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {
    // Batch processors do nothing on start.
  }

  @Override
  public boolean isStartRequired() {
    return false;
  }

  @Override
  public void onEnd(ReadableSpan span) {
    RedactedSpan redacted = new RedactedSpan(span, redactor);
    for (Downstream downstream : downstreams) {
      downstream.processor().onEnd(redacted);
    }
  }

  @Override
  public boolean isEndRequired() {
    return true;
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofAll(
        downstreams.stream().map(d -> d.processor().shutdown()).toList());
  }

  @Override
  public CompletableResultCode forceFlush() {
    return CompletableResultCode.ofAll(
        downstreams.stream().map(d -> d.processor().forceFlush()).toList());
  }
}
