package dev.workflowtracing.instrumentation;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Opens a span around each {@link Traced} call and makes it current for the call's duration, so
 * nested traced calls become its children. Exceptions are recorded ({@link ExceptionEvent}) and
 * rethrown unchanged. Tracing itself must never fail the call: if the span cannot be started the
 * call runs untraced.
 */
@Traced
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class TracedInterceptor {

  private static final Logger LOG = Logger.getLogger(TracedInterceptor.class.getName());

  @Inject TracerHolder tracerHolder;

  @AroundInvoke
  public Object trace(InvocationContext invocation) throws Exception {
    TracedOperation operation = operationOf(invocation);
    Span span = operation == null ? null : startSpan(operation);
    if (span == null) {
      return invocation.proceed();
    }
    operation.spanStarted();
    try (Scope ignored = tracerHolder.current(span).makeCurrent()) {
      Object result = invocation.proceed();
      if (result instanceof TracedOutcome outcome) {
        outcome.describeTo(span);
      }
      return result;
    } catch (Exception | Error e) {
      ExceptionEvent.record(span, e);
      span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
      throw e;
    } finally {
      span.end();
    }
  }

  private Span startSpan(TracedOperation operation) {
    try {
      Context parent = operation.parentContext();
      return tracerHolder
          .tracer(parent)
          .spanBuilder(operation.spanName())
          .setParent(parent)
          .setSpanKind(operation.spanKind())
          .setAllAttributes(operation.spanAttributes())
          .startSpan();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not start span; running untraced", e);
      return null;
    }
  }

  private static TracedOperation operationOf(InvocationContext invocation) {
    return Arrays.stream(invocation.getParameters())
        .filter(TracedOperation.class::isInstance)
        .map(TracedOperation.class::cast)
        .findFirst()
        .orElse(null);
  }
}
