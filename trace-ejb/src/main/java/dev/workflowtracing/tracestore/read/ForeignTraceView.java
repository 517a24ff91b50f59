package dev.workflowtracing.tracestore.read;

/**
 * A trace made only of spans other services sent (no run of ours), as the list shows it: its root
 * span's name and service, when it started, how long it took, how many spans and errors it has.
 */
public record ForeignTraceView(
    String traceId,
    String rootName,
    String service,
    String startTime,
    long durationMicros,
    long spanCount,
    long errorCount) {}
