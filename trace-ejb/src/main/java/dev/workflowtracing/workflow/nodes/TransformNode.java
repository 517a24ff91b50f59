package dev.workflowtracing.workflow.nodes;

import dev.workflowtracing.workflow.NodeType;
import dev.workflowtracing.workflow.engine.execution.NodeAttempt;
import dev.workflowtracing.workflow.engine.execution.NodeHandler;
import dev.workflowtracing.workflow.engine.execution.Templates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

/** Maps inputs to outputs: {@code config.set} names each output and gives its template. */
@ApplicationScoped
public class TransformNode implements NodeHandler {

  @Override
  public NodeType type() {
    return NodeType.TRANSFORM;
  }

  @Override
  public JsonObject execute(NodeAttempt attempt) {
    return (JsonObject)
        Templates.resolve(attempt.node().config().getJsonObject("set"), attempt.state());
  }
}
