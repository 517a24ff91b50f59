package dev.workflowtracing.workflow.live.relay;

/** The two topics of the relay: one home for their names. */
final class RelayDestinations {

  /** Watch requests: "who executes run R, publish its updates". */
  static final String WATCHES_JNDI = "java:global/jms/WorkflowRunWatches";

  static final String WATCHES = "WorkflowRunWatches";

  /** The numbered updates of runs watched on another server. */
  static final String UPDATES_JNDI = "java:global/jms/WorkflowRunUpdates";

  static final String UPDATES = "WorkflowRunUpdates";

  /** Message properties: the run, and the server that sent it. */
  static final String RUN_ID = "runId";

  static final String FROM = "from";

  private RelayDestinations() {}
}
