package dev.workflowtracing.workflow.engine.queue;

/**
 * Where the run queue lives: one home for its name, used by what defines, sends to, counts and
 * listens on it.
 */
final class RunQueueDestination {

  /** Its JNDI name, defined by {@link RunQueue}. */
  static final String JNDI = "java:global/jms/WorkflowRuns";

  /** Its name on the broker. */
  static final String NAME = "WorkflowRuns";

  private RunQueueDestination() {}
}
