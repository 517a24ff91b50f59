package dev.workflowtracing.workflow.engine.control;

import dev.workflowtracing.workflow.run.RunStatus;
import java.util.Map;
import java.util.Optional;

/**
 * What the engine asks of the runs' records (a port: the trace store answers it), so that a run
 * taken off the queue, or asked to stop, is handled by what was recorded before, also across a
 * restart.
 */
public interface RunLedger {

  /** The run's recorded status; empty when no run has this id. */
  Optional<RunStatus> status(String runId);

  /**
   * Asks the server that executes the run to cancel it, when that is another server: true when the
   * request is recorded (the run is running elsewhere), false when it is not running or was left
   * running by this server or an unknown one.
   */
  boolean requestCancel(String runId, String reason);

  /** The server recorded as executing the run ({@code service.instance.id}), if any. */
  Optional<String> executor(String runId);

  /** Cancels other servers asked of the runs this server executes: run id to reason. */
  Map<String, String> cancelsRequestedHere();
}
