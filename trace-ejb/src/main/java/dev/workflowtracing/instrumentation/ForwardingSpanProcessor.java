package dev.workflowtracing.instrumentation;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * A processor in front of another that passes everything on; a subclass overrides what it adds to
 * (the span's end, for the decorators in front of the batch processors).
 */
abstract class ForwardingSpanProcessor implements SpanProcessor {

  /** Where everything goes on to. */
  protected abstract SpanProcessor next();

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {
    next().onStart(parentContext, span);
  }

  @Override
  public boolean isStartRequired() {
    return next().isStartRequired();
  }

  @Override
  public void onEnd(ReadableSpan span) {
    next().onEnd(span);
  }

  @Override
  public boolean isEndRequired() {
    return true;
  }

  @Override
  public CompletableResultCode shutdown() {
    return next().shutdown();
  }

  @Override
  public CompletableResultCode forceFlush() {
    return next().forceFlush();
  }
}
