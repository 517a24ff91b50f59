package dev.workflowtracing.workflow.engine.execution;

import java.time.Duration;

/** An attempt ran past the node's timeout. */
public class NodeTimeoutException extends NodeExecutionException {

  public NodeTimeoutException(Duration limit) {
    super("Attempt timed out after " + limit.toMillis() + " ms");
  }
}
