package dev.workflowtracing.workflow.engine.execution;

import dev.workflowtracing.conventions.WorkflowAttributes;
import dev.workflowtracing.instrumentation.Traced;
import dev.workflowtracing.workflow.NodeType;
import io.opentelemetry.api.trace.Span;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.EnumMap;
import java.util.Map;

/** Runs a single attempt of a node with the handler for its type; each call is one span. */
@Stateless
@Traced
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AttemptRunner {

  @Inject Instance<NodeHandler> handlers;

  private final Map<NodeType, NodeHandler> byType = new EnumMap<>(NodeType.class);

  @PostConstruct
  void indexHandlers() {
    handlers.forEach(this::register);
  }

  void register(NodeHandler handler) {
    byType.put(handler.type(), handler);
  }

  public JsonObject attempt(NodeAttempt attempt) throws NodeExecutionException {
    NodeHandler handler = byType.get(attempt.node().type());
    if (handler == null) {
      throw new NodeExecutionException("No handler for node type " + attempt.node().type());
    }
    try {
      return handler.execute(attempt);
    } catch (NodeExecutionException e) {
      failed(attempt);
      throw e;
    } catch (RuntimeException e) {
      failed(attempt);
      throw new NodeExecutionException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  private static void failed(NodeAttempt attempt) {
    attempt.state().usage().failed(attempt.node().id(), attempt.attempt());
    markIfCancelled(attempt);
  }

  /** The attempt's span (current here) says that it failed because its run was cancelled. */
  private static void markIfCancelled(NodeAttempt attempt) {
    if (attempt.run().isCancelled()) {
      Span.current().setAttribute(WorkflowAttributes.RUN_CANCELLED, true);
    }
  }
}
