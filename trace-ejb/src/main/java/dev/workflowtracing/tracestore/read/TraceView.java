package dev.workflowtracing.tracestore.read;

import dev.workflowtracing.tracestore.TraceCompleteness;
import java.util.List;

/**
 * A whole trace: its run (if it belongs to one) and its spans depth first, each with its depth, so
 * the tree is the order plus {@code parentSpanId}.
 *
 * @param detailsOmitted the spans come without their attributes and events ({@link
 *     SpanDetailLimit})
 */
public record TraceView(
    String traceId,
    RunView run,
    String startTime,
    long durationMicros,
    int spanCount,
    int errorCount,
    TraceCompleteness completeness,
    boolean detailsOmitted,
    List<SpanView> spans) {}
