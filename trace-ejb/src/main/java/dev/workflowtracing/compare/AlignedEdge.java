package dev.workflowtracing.compare;

/** An edge of two versions' graphs aligned; {@code presence} as for {@link AlignedNode}. */
public record AlignedEdge(String from, String to, String when, String presence) {}
