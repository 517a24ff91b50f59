package dev.workflowtracing.instrumentation;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's tracer: the SDK's once {@link TracingPipeline} has built it, a no-op one before
 * that or when tracing is disabled. A plain CDI bean because the interceptor reads it on every
 * traced call: asking the bootstrap singleton EJB went through the container's whole EJB
 * interceptor chain each time (3% of the CPU under load, docs/performance.md). After the SDK shuts
 * down, its tracer makes no-op spans by itself.
 *
 * <p>An admin can pause recording at runtime ({@code PUT /api/admin/tracing/recording}): new runs
 * then get the no-op tracer, as with tracing disabled, while runs already recording finish their
 * traces, so no stored trace is left incomplete by the switch. The decision is taken once per run,
 * at its root: a run that started untraced stays untraced when recording resumes, or its nodes
 * would start traces of their own that no run points to.
 */
@ApplicationScoped
public class TracerHolder {

  static final String INSTRUMENTATION_SCOPE = "dev.workflowtracing";
  private static final Tracer NOOP = OpenTelemetry.noop().getTracer(INSTRUMENTATION_SCOPE);
  private static final ContextKey<Boolean> UNTRACED = ContextKey.named("workflowtracing.untraced");

  private volatile Tracer tracer = NOOP;
  private volatile boolean paused;

  /** The tracer for a span under {@code parent}. */
  public Tracer tracer(Context parent) {
    if (parent.get(UNTRACED) != null || paused && !Span.fromContext(parent).isRecording()) {
      return NOOP;
    }
    return tracer;
  }

  /**
   * The context to make current around a traced call: the span, and for a span that does not record
   * (paused, disabled, sampled out) the mark that keeps the calls under it untraced.
   */
  public Context current(Span span) {
    Context context = Context.current().with(span);
    return span.isRecording() ? context : context.with(UNTRACED, Boolean.TRUE);
  }

  /** Whether new runs are traced: the SDK is built and recording is not paused. */
  public boolean recording() {
    return tracer != NOOP && !paused;
  }

  void use(Tracer tracer) {
    this.tracer = tracer;
  }

  boolean paused() {
    return paused;
  }

  void pause(boolean paused) {
    this.paused = paused;
  }
}
