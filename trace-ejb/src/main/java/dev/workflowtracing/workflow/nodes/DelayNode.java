package dev.workflowtracing.workflow.nodes;

import dev.workflowtracing.json.JsonFactory;
import dev.workflowtracing.workflow.NodeType;
import dev.workflowtracing.workflow.engine.execution.NodeAttempt;
import dev.workflowtracing.workflow.engine.execution.NodeExecutionException;
import dev.workflowtracing.workflow.engine.execution.NodeHandler;
import dev.workflowtracing.workflow.engine.execution.Templates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;

/**
 * Waits {@code config.ms} milliseconds (and times out if that is longer than the node's limit): a
 * number, or a template such as {@code "${input.waitMs}"} that resolves to one.
 */
@ApplicationScoped
public class DelayNode implements NodeHandler {

  /** A day: the node's own time limit ends it sooner. */
  private static final long MAX_MS = 86_400_000;

  @Override
  public NodeType type() {
    return NodeType.DELAY;
  }

  @Override
  public JsonObject execute(NodeAttempt attempt) throws NodeExecutionException {
    long ms = millis(attempt);
    attempt.deadline().sleep(Duration.ofMillis(ms));
    return JsonFactory.createObjectBuilder().add("waitedMs", ms).build();
  }

  private static long millis(NodeAttempt attempt) throws NodeExecutionException {
    if (!(attempt.node().config().get("ms") instanceof JsonString template)) {
      return attempt.node().configLong("ms", 0);
    }
    String resolved = Templates.resolve(template.getString(), attempt.state()).trim();
    try {
      long ms = Long.parseLong(resolved);
      if (ms >= 0 && ms <= MAX_MS) {
        return ms;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new NodeExecutionException(
        "\"ms\" must resolve to a whole number of milliseconds from 0 to "
            + MAX_MS
            + ", not \""
            + Excerpt.of(resolved, 40)
            + "\"");
  }
}
