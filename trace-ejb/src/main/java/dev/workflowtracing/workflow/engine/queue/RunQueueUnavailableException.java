package dev.workflowtracing.workflow.engine.queue;

import jakarta.ejb.ApplicationException;

/** The message broker could not take the run: nothing was accepted, try later. */
@ApplicationException
public class RunQueueUnavailableException extends RuntimeException {

  public RunQueueUnavailableException(Throwable cause) {
    super(
        "The run queue (message broker) is unavailable, so the run was not accepted; try again in"
            + " a few seconds, or run it without Prefer: respond-async",
        cause);
  }
}
