package dev.workflowtracing.workflow.engine;

/** Where a workflow run stands. */
public enum RunStatus {
  RUNNING,
  SUCCEEDED,
  FAILED
}
