package dev.workflowtracing.workflow;

import java.util.Optional;

/**
 * A directed edge. Edges leaving a branch node carry {@code when}: the branch outcome ("true" or
 * "false") that makes the edge taken.
 */
public record EdgeDefinition(String from, String to, Optional<String> when) {}
