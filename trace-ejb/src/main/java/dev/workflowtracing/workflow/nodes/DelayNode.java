package dev.workflowtracing.workflow.nodes;

import dev.workflowtracing.json.JsonFactory;
import dev.workflowtracing.workflow.NodeType;
import dev.workflowtracing.workflow.engine.execution.NodeAttempt;
import dev.workflowtracing.workflow.engine.execution.NodeExecutionException;
import dev.workflowtracing.workflow.engine.execution.NodeHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.time.Duration;

/** Waits {@code config.ms} milliseconds (and times out if that is longer than the node's limit). */
@ApplicationScoped
public class DelayNode implements NodeHandler {

  @Override
  public NodeType type() {
    return NodeType.DELAY;
  }

  @Override
  public JsonObject execute(NodeAttempt attempt) throws NodeExecutionException {
    long ms = attempt.node().configLong("ms", 0);
    attempt.deadline().sleep(Duration.ofMillis(ms));
    return JsonFactory.createObjectBuilder().add("waitedMs", ms).build();
  }
}
