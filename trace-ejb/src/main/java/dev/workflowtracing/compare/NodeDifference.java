package dev.workflowtracing.compare;

/**
 * Right minus left, for a node that ran on both sides.
 *
 * @param costNanos null when neither side had a price
 */
public record NodeDifference(
    long durationMs, int attempts, long totalTokens, Double cost, Long costNanos) {

  static NodeDifference between(NodeSide left, NodeSide right) {
    Long costNanos =
        left.costNanos() == null && right.costNanos() == null
            ? null
            : orZero(right.costNanos()) - orZero(left.costNanos());
    return new NodeDifference(
        right.durationMs() - left.durationMs(),
        right.attempts() - left.attempts(),
        right.totalTokens() - left.totalTokens(),
        costNanos == null ? null : costNanos / 1e9,
        costNanos);
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }
}
