package dev.workflowtracing.workflow.engine.queue;

import jakarta.ejb.ApplicationException;

/** The run queue holds its maximum of runs ({@code workflow.queue.max-depth}): try later. */
@ApplicationException
public class RunQueueFullException extends RuntimeException {

  public RunQueueFullException(int maxDepth) {
    super(
        "The run queue holds its maximum of "
            + maxDepth
            + " runs (workflow.queue.max-depth); try again in a few seconds");
  }
}
