package dev.workflowtracing.workflow.engine.control;

import jakarta.ejb.ApplicationException;

/** A new run refused because the server is short of heap: nothing was accepted, try again. */
@ApplicationException
public class ServerOverloadedException extends RuntimeException {

  public ServerOverloadedException() {
    super(
        "The server is short of memory and accepts no new run for now (the runs it has go on);"
            + " try again in a few seconds");
  }
}
