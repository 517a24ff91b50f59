package dev.workflowtracing.workflow.live;

import java.util.List;
import java.util.Map;

/**
 * A run as it stands now, from the engine's own events on this server: its status and every node's
 * state (queued, running with its attempt, succeeded, failed, skipped or cancelled), start and
 * elapsed time; and, where the node's history says what is usual, whether it runs longer.
 *
 * @param longerThanUsualFactor a running node is flagged past this many times its usual p95; null
 *     until the usual durations are added ({@link #withUsual})
 */
public record LiveRun(String status, List<Node> nodes, Double longerThanUsualFactor) {

  public LiveRun(String status, List<Node> nodes) {
    this(status, nodes, null);
  }

  /**
   * One node now.
   *
   * @param attempt the attempt running or last run; 0 before the first
   * @param startedAt ISO-8601 instant of its first attempt; null before it
   * @param elapsedMs since its first attempt started, to its end or to now
   * @param usualP95Ms its p95 over the recent window of this version; null with too little history
   * @param timesUsualP95 while it runs past the factor times its usual p95: elapsed over p95 (3.4
   *     for "running 3.4× its usual p95"); null otherwise
   */
  public record Node(
      String nodeId,
      String state,
      int attempt,
      String startedAt,
      Long elapsedMs,
      Long usualP95Ms,
      Double timesUsualP95) {

    public Node(String nodeId, String state, int attempt, String startedAt, Long elapsedMs) {
      this(nodeId, state, attempt, startedAt, elapsedMs, null, null);
    }

    Node withUsual(Long p95Ms, double factor) {
      boolean longer =
          p95Ms != null
              && p95Ms > 0
              && "running".equals(state)
              && elapsedMs != null
              && elapsedMs > factor * p95Ms;
      return new Node(
          nodeId,
          state,
          attempt,
          startedAt,
          elapsedMs,
          p95Ms,
          longer ? Math.round(10.0 * elapsedMs / p95Ms) / 10.0 : null);
    }
  }

  /** The run with each node's usual p95 (nodes not in the map have too little history). */
  public LiveRun withUsual(Map<String, Long> p95ByNode, double factor) {
    return new LiveRun(
        status,
        nodes.stream().map(n -> n.withUsual(p95ByNode.get(n.nodeId()), factor)).toList(),
        factor);
  }
}
