package dev.workflowtracing.instrumentation;

import io.opentelemetry.api.trace.Span;

/** A result that adds to its span what is known only once the work is done (status, sizes). */
public interface TracedOutcome {

  void describeTo(Span span);
}
