package dev.workflowtracing.workflow.engine;

/** Where a workflow run stands. */
public enum RunStatus {
  /** Accepted and waiting on the run queue for a server to execute it. */
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED
}
