package dev.workflowtracing.workflow.engine;

/** What a request to cancel a run did. */
public enum CancelOutcome {
  /** The run is executing here: its attempts are interrupted and it ends CANCELLED shortly. */
  STOPPING,
  /** The run had not started: it ended CANCELLED at once and will not run. */
  CANCELLED,
  /** The run has ended already; nothing was changed. */
  FINISHED,
  /** No run has this id. */
  UNKNOWN
}
