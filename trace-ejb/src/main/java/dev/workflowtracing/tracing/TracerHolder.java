package dev.workflowtracing.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's tracer: a real one once {@link TracingBootstrap} has built the SDK, a no-op one
 * before that or when tracing is disabled. A plain CDI bean because the interceptor reads it on
 * every traced call: asking the bootstrap singleton EJB went through the container's whole EJB
 * interceptor chain each time (3% of the CPU under load, docs/performance.md). After the SDK shuts
 * down, its tracer makes no-op spans by itself.
 */
@ApplicationScoped
public class TracerHolder {

  static final String INSTRUMENTATION_SCOPE = "dev.workflowtracing";

  private volatile Tracer tracer = OpenTelemetry.noop().getTracer(INSTRUMENTATION_SCOPE);

  public Tracer tracer() {
    return tracer;
  }

  void use(Tracer tracer) {
    this.tracer = tracer;
  }
}
