package dev.workflowtracing.web.traces;

import dev.workflowtracing.tracestore.TraceCompleteness;
import dev.workflowtracing.tracestore.read.RunView;
import dev.workflowtracing.tracestore.read.TraceView;

/**
 * The first line of a trace in JSON lines: everything about it but its spans. Public, as JSON-B
 * reads only public types.
 */
public record TraceHead(
    String traceId,
    RunView run,
    String startTime,
    long durationMicros,
    int spanCount,
    int errorCount,
    TraceCompleteness completeness,
    boolean detailsOmitted) {

  static TraceHead of(TraceView trace) {
    return new TraceHead(
        trace.traceId(),
        trace.run(),
        trace.startTime(),
        trace.durationMicros(),
        trace.spanCount(),
        trace.errorCount(),
        trace.completeness(),
        trace.detailsOmitted());
  }
}
