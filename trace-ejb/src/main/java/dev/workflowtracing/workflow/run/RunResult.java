package dev.workflowtracing.workflow.run;

import dev.workflowtracing.conventions.WorkflowAttributes;
import dev.workflowtracing.instrumentation.TracedOutcome;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * How a run ended. A failed node fails the run but is not an exception to the caller: the run
 * happened, and its trace says why it failed.
 *
 * @param traceId null when tracing is disabled or the run was not sampled
 * @param inputs the run's inputs, redacted as its spans are
 * @param expectedSpans the spans the run made (its trace is complete with that many)
 * @param usage what its model calls used and cost
 * @param nodes each executed node's duration, attempts, outcome and usage
 */
public record RunResult(
    String runId,
    String traceId,
    String workflowId,
    int workflowVersion,
    RunStatus status,
    long startedAtMillis,
    long durationMillis,
    JsonObject inputs,
    JsonObject outputs,
    String error,
    List<String> executedNodes,
    List<String> skippedNodes,
    int expectedSpans,
    RunUsage usage,
    List<NodeRun> nodes)
    implements TracedOutcome {

  /** The run's end, as the engine announces it. */
  public RunEvent.RunEnded ended() {
    return new RunEvent.RunEnded(
        runId,
        status,
        startedAtMillis + durationMillis,
        outputs.toString(),
        error,
        expectedSpans,
        usage);
  }

  @Override
  public void describeTo(Span span) {
    span.setAttribute(WorkflowAttributes.RUN_STATUS, status.name());
    if (usage.inputTokens() + usage.outputTokens() > 0) {
      span.setAttribute(WorkflowAttributes.RUN_INPUT_TOKENS, usage.inputTokens());
      span.setAttribute(WorkflowAttributes.RUN_OUTPUT_TOKENS, usage.outputTokens());
    }
    if (usage.costNanos() != null) {
      span.setAttribute(WorkflowAttributes.RUN_COST, usage.costNanos() / 1e9);
    }
    if (status == RunStatus.CANCELLED) {
      span.setAttribute(WorkflowAttributes.RUN_CANCELLED, true);
    }
    if (status != RunStatus.SUCCEEDED) {
      span.setStatus(StatusCode.ERROR, error);
    }
  }
}
