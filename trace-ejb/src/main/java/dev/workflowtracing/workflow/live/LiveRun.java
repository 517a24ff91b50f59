package dev.workflowtracing.workflow.live;

import java.util.List;

/**
 * A run as it stands now, from the engine's own events on this server: its status and every node's
 * state (queued, running with its attempt, succeeded, failed, skipped, cancelled), start and
 * elapsed time.
 */
public record LiveRun(String status, List<Node> nodes) {

  /**
   * One node now.
   *
   * @param attempt the attempt running or last run; 0 before the first
   * @param startedAt ISO-8601 instant of its first attempt; null before it
   * @param elapsedMs since its first attempt started, to its end or to now
   */
  public record Node(String nodeId, String state, int attempt, String startedAt, Long elapsedMs) {}
}
