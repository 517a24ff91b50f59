package dev.workflowtracing.workflow.run;

import java.util.List;

/**
 * What happens in a run, as the engine publishes it (CDI events, fired synchronously in the run's
 * thread): the engine's one port to the rest of the application. Storage of run rows observes them;
 * live views and statistics can too, without the engine knowing any of them.
 */
public sealed interface RunEvent
    permits RunEvent.RunQueued,
        RunEvent.RunStarted,
        RunEvent.NodeAttemptStarted,
        RunEvent.NodeAttemptEnded,
        RunEvent.NodeEnded,
        RunEvent.RunEnded {

  String runId();

  /**
   * A run was accepted and put on the run queue; it starts when a server takes it off.
   *
   * @param inputsJson its inputs, redacted, as JSON text
   */
  record RunQueued(
      String runId,
      String workflowId,
      int workflowVersion,
      String trigger,
      long queuedAtMillis,
      String inputsJson)
      implements RunEvent {}

  /**
   * A run began.
   *
   * @param traceId the trace it records, or null when it records none (sampled out, paused)
   * @param rootSpanId its root span, or null with no trace: watchers draw it open until it is
   *     stored
   * @param inputsJson its inputs, redacted, as JSON text
   * @param nodeIds the workflow's nodes, in the order they may run
   * @param fromQueue the run was accepted onto the run queue before (see {@link RunQueued})
   */
  record RunStarted(
      String runId,
      String traceId,
      String rootSpanId,
      String workflowId,
      int workflowVersion,
      String trigger,
      long startedAtMillis,
      String inputsJson,
      List<String> nodeIds,
      boolean fromQueue)
      implements RunEvent {}

  /**
   * An attempt of a node began.
   *
   * @param nodeSpanId the node's span, or null with no trace: watchers draw it open until stored
   */
  record NodeAttemptStarted(
      String runId, String nodeId, int attempt, long startedAtMillis, String nodeSpanId)
      implements RunEvent {}

  /**
   * An attempt of a node ended.
   *
   * @param error why it failed, or null when it succeeded
   * @param cancelled it was stopped because the run was cancelled
   */
  record NodeAttemptEnded(
      String runId, String nodeId, int attempt, long endedAtMillis, String error, boolean cancelled)
      implements RunEvent {}

  /**
   * A node's execution ended, all its attempts done: how long it took, how many attempts it made,
   * how it ended and what its model calls used. The per-node statistics take the run's nodes as
   * these say ({@link RunExecuted}), watchers see a node's end and figures as it happens.
   */
  record NodeEnded(String runId, NodeRun node, long endedAtMillis) implements RunEvent {}

  /**
   * A run ended.
   *
   * @param outputsJson its outputs, redacted, as JSON text
   * @param error why it failed, redacted, or null
   * @param expectedSpans the spans it produced: its root, one per executed node and one per attempt
   * @param usage what its model calls used and cost ({@link RunUsage#NONE} if it never ran)
   */
  record RunEnded(
      String runId,
      RunStatus status,
      long endedAtMillis,
      String outputsJson,
      String error,
      int expectedSpans,
      RunUsage usage)
      implements RunEvent {}
}
