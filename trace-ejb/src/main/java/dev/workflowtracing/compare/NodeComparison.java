package dev.workflowtracing.compare;

/**
 * One node of the aligned graph.
 *
 * @param presence where the node is defined: {@code both} versions, only the {@code left} run's
 *     (removed since) or only the {@code right} run's (added)
 * @param change {@code added}, {@code removed}, {@code notRunLeft}, {@code notRunRight}, {@code
 *     notRun} (on neither side), {@code status} (it ended differently), {@code changed} (same
 *     status, other attempts, tokens or cost) or {@code same}; durations alone never count as a
 *     change, they always differ
 * @param left what it did in the left run; null when it did not run there
 * @param difference right minus left, when it ran on both sides
 */
public record NodeComparison(
    String nodeId,
    String type,
    String label,
    String presence,
    String change,
    NodeSide left,
    NodeSide right,
    NodeDifference difference) {

  static NodeComparison of(AlignedNode node, NodeSide left, NodeSide right) {
    return new NodeComparison(
        node.id(),
        node.type(),
        node.label(),
        node.presence(),
        change(node.presence(), left, right),
        left,
        right,
        left != null && right != null ? NodeDifference.between(left, right) : null);
  }

  private static String change(String presence, NodeSide left, NodeSide right) {
    if (presence.equals(AlignedNode.RIGHT)) {
      return "added";
    }
    if (presence.equals(AlignedNode.LEFT)) {
      return "removed";
    }
    if (left == null || right == null) {
      return left == null && right == null ? "notRun" : left == null ? "notRunLeft" : "notRunRight";
    }
    if (!left.status().equals(right.status())) {
      return "status";
    }
    boolean same =
        left.attempts() == right.attempts()
            && left.totalTokens() == right.totalTokens()
            && java.util.Objects.equals(left.costNanos(), right.costNanos());
    return same ? "same" : "changed";
  }
}
