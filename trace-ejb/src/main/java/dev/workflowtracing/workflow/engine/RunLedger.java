package dev.workflowtracing.workflow.engine;

import java.util.Optional;

/**
 * What the engine asks of the runs' records (a port: the trace store answers it), so that a run
 * taken off the queue, or asked to stop, is handled by what was recorded before, also across a
 * restart.
 */
public interface RunLedger {

  /** The run's recorded status; empty when no run has this id. */
  Optional<RunStatus> status(String runId);
}
