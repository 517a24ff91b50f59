package dev.workflowtracing.workflow.engine.execution;

/** One attempt of a node failed; the retry policy decides whether another follows. */
public class NodeExecutionException extends Exception {

  public NodeExecutionException(String message) {
    super(message);
  }

  public NodeExecutionException(String message, Throwable cause) {
    super(message, cause);
  }
}
