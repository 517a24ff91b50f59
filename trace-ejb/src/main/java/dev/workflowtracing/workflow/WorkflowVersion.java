package dev.workflowtracing.workflow;

import java.time.Instant;

/** One saved version of a workflow, as the version pickers list it (a read model). */
public record WorkflowVersion(int version, String name, String savedAt) {

  public WorkflowVersion(int version, String name, long savedAtMillis) {
    this(version, name, Instant.ofEpochMilli(savedAtMillis).toString());
  }
}
