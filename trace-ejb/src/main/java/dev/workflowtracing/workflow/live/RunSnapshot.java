package dev.workflowtracing.workflow.live;

import java.time.Instant;
import java.util.List;

/**
 * A run's whole state at one moment, folded from its events: what a watcher that joins late gets
 * instead of every event before it.
 *
 * @param traceId the trace it records, or null (not traced, or not started)
 * @param rootSpanId its root span, stored only when the run ends; null without a trace
 * @param startedAtMillis when it started; null while queued
 * @param endedAtMillis when it ended; null while it goes on
 * @param error why it failed or was stopped, redacted; null otherwise
 */
public record RunSnapshot(
    String runId,
    String workflowId,
    String status,
    String traceId,
    String rootSpanId,
    Long startedAtMillis,
    Long endedAtMillis,
    String error,
    List<Node> nodes) {

  /**
   * One node: queued, running (with its attempt), succeeded, failed, skipped or cancelled.
   *
   * @param attempt the attempt running or last run; 0 before the first
   * @param spanId its span (stored when the node ends), or null before it starts or with no trace
   */
  public record Node(
      String nodeId,
      String state,
      int attempt,
      Long startedAtMillis,
      Long endedAtMillis,
      String spanId) {}

  /** Whether the run has ended: nothing follows but its RunEnded. */
  public boolean ended() {
    return endedAtMillis != null;
  }

  /** The run's state as {@code GET /api/runs/{id}} shows it, elapsed times up to {@code now}. */
  public LiveRun toLiveRun(long nowMillis) {
    return new LiveRun(
        status,
        nodes.stream()
            .map(
                n ->
                    new LiveRun.Node(
                        n.nodeId(),
                        n.state(),
                        n.attempt(),
                        n.startedAtMillis() == null
                            ? null
                            : Instant.ofEpochMilli(n.startedAtMillis()).toString(),
                        n.startedAtMillis() == null
                            ? null
                            : (n.endedAtMillis() == null ? nowMillis : n.endedAtMillis())
                                - n.startedAtMillis()))
            .toList());
  }
}
