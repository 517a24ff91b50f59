package dev.workflowtracing.workflow.run;

/**
 * One node's execution in a run, as the per-node statistics need it: how long it took (its attempts
 * and the backoffs between them), how many attempts it made, how it ended, and what its model calls
 * used.
 *
 * @param costNanos null when none of its calls had a price
 */
public record NodeRun(
    String nodeId,
    long durationMs,
    int attempts,
    Outcome outcome,
    long inputTokens,
    long outputTokens,
    Long costNanos) {

  /** How a node's execution ended. */
  public enum Outcome {
    SUCCEEDED,
    FAILED,
    /** Stopped because its run was cancelled: neither a success nor an error of the node. */
    CANCELLED
  }
}
