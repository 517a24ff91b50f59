package dev.workflowtracing.tracestore.read;

import java.time.Instant;

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
    String error) {

  static NodeExecutionView of(NodeExecutions.Row row) {
    boolean failed = "ERROR".equals(row.statusCode());
    return new NodeExecutionView(
        row.traceId(),
        row.spanId(),
        row.version(),
        Instant.ofEpochSecond(0, row.startNanos()).toString(),
        row.durationNanos() / 1_000_000.0,
        failed,
        failed ? row.statusMessage() : null);
  }
}
