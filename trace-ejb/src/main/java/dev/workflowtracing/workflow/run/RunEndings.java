package dev.workflowtracing.workflow.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * The one place a run's end is announced ({@link RunEvent.RunEnded}): the run record, the live
 * runs, the event streams and the statistics all learn of it from here, however the run ended.
 */
@ApplicationScoped
public class RunEndings {

  @Inject Event<RunEvent> events;
  @Inject Event<RunExecuted> executed;

  /** A run the engine executed, once its spans are stored: its end, then its nodes' figures. */
  public void executed(RunResult result) {
    events.fire(result.ended());
    executed.fire(new RunExecuted(result));
  }

  /**
   * A run that ends without executing (any further): never queued or started, cancelled while
   * queued, or aborted with its server gone. No outputs, no spans of its own to wait for, no usage.
   */
  public void notExecuted(String runId, RunStatus status, String reason) {
    events.fire(
        new RunEvent.RunEnded(
            runId, status, System.currentTimeMillis(), "{}", reason, 0, RunUsage.NONE));
  }
}
