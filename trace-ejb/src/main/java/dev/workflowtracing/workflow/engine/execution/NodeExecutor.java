package dev.workflowtracing.workflow.engine.execution;

import dev.workflowtracing.conventions.Artifacts;
import dev.workflowtracing.conventions.WorkflowAttributes;
import dev.workflowtracing.instrumentation.Traced;
import dev.workflowtracing.instrumentation.redaction.Redactor;
import dev.workflowtracing.workflow.NodeDefinition;
import dev.workflowtracing.workflow.WorkflowSettings;
import dev.workflowtracing.workflow.engine.control.RunHandle;
import dev.workflowtracing.workflow.run.RunEvent;
import io.opentelemetry.api.trace.Span;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;

/**
 * Runs one node: attempts it until it succeeds or its retry policy is spent, waiting the backoff
 * between attempts. The node span holds one child span per attempt, so retries show in the trace.
 */
@Stateless
@Traced
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NodeExecutor {

  @EJB AttemptRunner attemptRunner;
  @Inject Event<RunEvent> events;
  @Inject Redactor redactor;

  @Inject WorkflowSettings settings;

  public NodeOutcome execute(NodeInvocation invocation) throws NodeFailedException {
    NodeDefinition node = invocation.node();
    RunState state = invocation.state();
    RunHandle run = invocation.run();
    Artifacts.record(
        Span.current(),
        "input",
        "application/json",
        () -> Templates.resolve(node.config(), state).toString());
    Duration timeout = node.timeout().orElse(settings.nodeDefaultTimeout());
    int maxAttempts = node.retry().maxAttempts();
    NodeExecutionException lastFailure = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      if (!waited(node.retry().backoffBeforeAttempt(attempt)) || run.isCancelled()) {
        // The run is being stopped: no more attempts.
        throw cancelled(run, node, attempt - 1, lastFailure);
      }
      events.fire(
          new RunEvent.NodeAttemptStarted(
              run.runId(), node.id(), attempt, System.currentTimeMillis(), nodeSpanId()));
      try {
        JsonObject output =
            attemptRunner.attempt(invocation.attempt(attempt, Deadline.after(timeout)));
        events.fire(
            new RunEvent.NodeAttemptEnded(
                run.runId(), node.id(), attempt, System.currentTimeMillis(), null, false));
        Artifacts.record(Span.current(), "output", "application/json", output::toString);
        return new NodeOutcome(output, attempt);
      } catch (NodeExecutionException e) {
        boolean cancelled = run.isCancelled();
        events.fire(
            new RunEvent.NodeAttemptEnded(
                run.runId(),
                node.id(),
                attempt,
                System.currentTimeMillis(),
                // Watchers see it as it is, before the exporter's redaction: redact it here.
                redactor.text(e.getMessage()),
                cancelled));
        lastFailure = e;
        if (cancelled) {
          throw cancelled(run, node, attempt, e);
        }
        if (attempt < maxAttempts) {
          Span.current().addEvent("retry scheduled after attempt " + attempt);
        }
      }
    }
    throw new NodeFailedException(node.id(), maxAttempts, lastFailure);
  }

  /** The node's span (current here), if it is recorded. */
  private static String nodeSpanId() {
    Span span = Span.current();
    return span.isRecording() ? span.getSpanContext().getSpanId() : null;
  }

  /** The node stops because its run is cancelled; its span (current here) says so. */
  private static NodeFailedException cancelled(
      RunHandle run, NodeDefinition node, int attempts, NodeExecutionException lastFailure) {
    Span.current().setAttribute(WorkflowAttributes.RUN_CANCELLED, true);
    return new NodeFailedException(
        node.id(), attempts, new NodeExecutionException(run.cancelReason(), lastFailure));
  }

  /** Waits the backoff; false when interrupted, with the thread's interrupt flag kept set. */
  private static boolean waited(Duration duration) {
    if (duration.isZero()) {
      return true;
    }
    try {
      Thread.sleep(duration.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
