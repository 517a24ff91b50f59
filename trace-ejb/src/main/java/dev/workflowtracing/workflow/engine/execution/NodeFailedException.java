package dev.workflowtracing.workflow.engine.execution;

/** Every attempt of a node failed: the run stops and fails. */
public class NodeFailedException extends Exception {

  private final String nodeId;
  private final int attempts;

  public NodeFailedException(String nodeId, int attempts, NodeExecutionException lastFailure) {
    super(
        "Node \""
            + nodeId
            + "\" failed after "
            + attempts
            + (attempts == 1 ? " attempt: " : " attempts: ")
            + lastFailure.getMessage(),
        lastFailure);
    this.nodeId = nodeId;
    this.attempts = attempts;
  }

  public String nodeId() {
    return nodeId;
  }

  public int attempts() {
    return attempts;
  }
}
