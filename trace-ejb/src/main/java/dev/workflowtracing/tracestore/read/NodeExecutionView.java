package dev.workflowtracing.tracestore.read;

/**
 * One execution of a node in one run: its node span's trace and id (to open the trace at it), the
 * workflow version it ran in, when it started, how long it took and whether it failed.
 *
 * @param error the span's status message when it failed, else null
 */
public record NodeExecutionView(
    String traceId,
    String spanId,
    Integer version,
    String startedAt,
    double durationMs,
    boolean failed,
    String error) {}
