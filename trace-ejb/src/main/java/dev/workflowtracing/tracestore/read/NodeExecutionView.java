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

  static NodeExecutionView of(Object[] row) {
    long start = (Long) row[3];
    long end = (Long) row[4];
    boolean failed = "ERROR".equals(row[5]);
    return new NodeExecutionView(
        (String) row[0],
        (String) row[1],
        (Integer) row[2],
        Instant.ofEpochSecond(0, start).toString(),
        (end - start) / 1_000_000.0,
        failed,
        failed ? (String) row[6] : null);
  }
}
