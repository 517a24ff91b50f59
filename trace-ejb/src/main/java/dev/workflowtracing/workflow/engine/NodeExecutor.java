package dev.workflowtracing.workflow.engine;

import dev.workflowtracing.tracing.Artifacts;
import dev.workflowtracing.tracing.Traced;
import dev.workflowtracing.workflow.NodeDefinition;
import io.opentelemetry.api.trace.Span;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs one node: attempts it until it succeeds or its retry policy is spent, waiting the backoff
 * between attempts. The node span holds one child span per attempt, so retries show in the trace.
 */
@Stateless
@Traced
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NodeExecutor {

  @EJB AttemptRunner attemptRunner;

  @Inject
  @ConfigProperty(name = "workflow.node.default-timeout-ms")
  long defaultTimeoutMs;

  public NodeOutcome execute(NodeInvocation invocation) throws NodeFailedException {
    NodeDefinition node = invocation.node();
    RunState state = invocation.state();
    Artifacts.record(
        Span.current(),
        "input",
        "application/json",
        () -> Templates.resolve(node.config(), state).toString());
    Duration timeout = node.timeout().orElse(Duration.ofMillis(defaultTimeoutMs));
    int maxAttempts = node.retry().maxAttempts();
    NodeExecutionException lastFailure = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        sleep(node.retry().backoffBeforeAttempt(attempt));
        JsonObject output =
            attemptRunner.attempt(
                new NodeAttempt(invocation.runId(), node, attempt, state, Deadline.after(timeout)));
        Artifacts.record(Span.current(), "output", "application/json", output::toString);
        return new NodeOutcome(output, attempt);
      } catch (NodeExecutionException e) {
        lastFailure = e;
        if (attempt < maxAttempts) {
          Span.current().addEvent("retry scheduled after attempt " + attempt);
        }
      }
    }
    throw new NodeFailedException(node.id(), maxAttempts, lastFailure);
  }

  private static void sleep(Duration duration) {
    if (duration.isZero()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
