package dev.workflowtracing.workflow.run;

/** What a request to cancel a run did. */
public enum CancelOutcome {
  /** The run is executing here: its attempts are interrupted and it ends CANCELLED shortly. */
  STOPPING,
  /**
   * The run is executing on another server, which has been asked (through the run's record) to stop
   * it, and ends it CANCELLED within about a second.
   */
  REQUESTED,
  /** The run had not started: it ended CANCELLED at once and will not run. */
  CANCELLED,
  /** The run has ended already; nothing was changed. */
  FINISHED,
  /** No run has this id. */
  UNKNOWN
}
