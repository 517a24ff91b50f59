package dev.workflowtracing.workflow.run;

/** Where a workflow run stands. */
public enum RunStatus {
  /** Accepted and waiting on the run queue for a server to execute it. */
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  /** Stopped on request or by its time limit ({@code workflow.run.timeout-ms}). */
  CANCELLED,
  /** The server executing it stopped (a crash) before the run ended. */
  ABORTED;

  /** The statuses of runs that have ended. */
  public static final java.util.List<RunStatus> FINAL =
      java.util.List.of(SUCCEEDED, FAILED, CANCELLED, ABORTED);

  /** Whether the run has ended: nothing more will happen to it. */
  public boolean isFinal() {
    return this != QUEUED && this != RUNNING;
  }
}
