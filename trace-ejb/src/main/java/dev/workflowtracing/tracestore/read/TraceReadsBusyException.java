package dev.workflowtracing.tracestore.read;

import jakarta.ejb.ApplicationException;

/** A trace read refused because the server is encoding as many as it may at once: try again. */
@ApplicationException
public class TraceReadsBusyException extends RuntimeException {

  public TraceReadsBusyException() {
    super(
        "The server is reading as many traces as it may at once; try again in a moment (a"
            + " finished trace read before is served from the cache at once)");
  }
}
