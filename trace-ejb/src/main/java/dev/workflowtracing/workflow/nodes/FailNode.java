package dev.workflowtracing.workflow.nodes;

import dev.workflowtracing.json.JsonFactory;
import dev.workflowtracing.workflow.NodeType;
import dev.workflowtracing.workflow.engine.execution.NodeAttempt;
import dev.workflowtracing.workflow.engine.execution.NodeExecutionException;
import dev.workflowtracing.workflow.engine.execution.NodeHandler;
import dev.workflowtracing.workflow.engine.execution.Templates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

/**
 * A QA node that fails on demand: its first {@code config.failAttempts} attempts fail (all of them
 * when unset), or every attempt when {@code config.failWhen} resolves to "true".
 */
@ApplicationScoped
public class FailNode implements NodeHandler {

  @Override
  public NodeType type() {
    return NodeType.FAIL;
  }

  @Override
  public JsonObject execute(NodeAttempt attempt) throws NodeExecutionException {
    var node = attempt.node();
    String message = node.configString("message", "Failure requested by QA node");
    if (node.config().containsKey("failWhen")) {
      String when = Templates.resolve(node.configString("failWhen", ""), attempt.state());
      if ("true".equalsIgnoreCase(when.trim())) {
        throw new NodeExecutionException(message);
      }
    } else if (attempt.attempt() <= node.configLong("failAttempts", Integer.MAX_VALUE)) {
      throw new NodeExecutionException(message + " (attempt " + attempt.attempt() + ")");
    }
    return JsonFactory.createObjectBuilder()
        .add("passed", true)
        .add("attempt", attempt.attempt())
        .build();
  }
}
