package dev.workflowtracing.instrumentation;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;

/** Describes the span that {@link TracedInterceptor} opens around a {@link Traced} method. */
public interface TracedOperation {

  String spanName();

  Attributes spanAttributes();

  default SpanKind spanKind() {
    return SpanKind.INTERNAL;
  }

  /** Called once the operation's span has started (an operation that counts its spans listens). */
  default void spanStarted() {}

  /** The parent: the current span unless the operation carries one from elsewhere (traceparent). */
  default Context parentContext() {
    return Context.current();
  }
}
