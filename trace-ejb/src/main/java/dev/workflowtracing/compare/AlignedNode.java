package dev.workflowtracing.compare;

/**
 * A node of two versions' graphs aligned by id; type and label as the right (newer) side has them.
 */
public record AlignedNode(String id, String type, String label, String presence) {
  static final String BOTH = "both";
  static final String LEFT = "left";
  static final String RIGHT = "right";
}
