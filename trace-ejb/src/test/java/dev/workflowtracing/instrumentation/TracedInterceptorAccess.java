package dev.workflowtracing.instrumentation;

import io.opentelemetry.api.trace.Tracer;

/** Builds an interceptor with a given tracer, for tests in other packages. */
public final class TracedInterceptorAccess {

  private TracedInterceptorAccess() {}

  public static TracedInterceptor with(Tracer tracer) {
    return TracedInterceptorTest.interceptor(tracer);
  }
}
