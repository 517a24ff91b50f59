package dev.workflowtracing.tracing;

import io.opentelemetry.api.trace.Tracer;

/** Gives the application's tracer: a real one, or a no-op one when tracing is disabled. */
public interface TracerHolder {

  Tracer tracer();
}
