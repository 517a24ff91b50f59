package dev.workflowtracing.workflow.engine.execution;

import dev.workflowtracing.workflow.NodeType;
import jakarta.json.JsonObject;

/**
 * Runs one attempt of one node type. The attempt's span is current while it runs, so a handler adds
 * its own attributes and artifacts with {@code Span.current()}.
 */
public interface NodeHandler {

  NodeType type();

  JsonObject execute(NodeAttempt attempt) throws NodeExecutionException;
}
