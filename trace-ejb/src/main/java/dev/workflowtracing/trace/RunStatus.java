package dev.workflowtracing.trace;

/** Where a workflow run stands. */
public enum RunStatus {
  RUNNING,
  SUCCEEDED,
  FAILED
}
