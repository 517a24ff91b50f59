package dev.workflowtracing.web.workflows;

import dev.workflowtracing.trace.RunRecord;
import dev.workflowtracing.workflow.engine.RunResult;
import dev.workflowtracing.web.JsonText;
import jakarta.json.JsonValue;
import java.time.Instant;

/** A run as the API shows it. {@code traceId} is null when the run was not traced. */
public record RunView(
    String runId,
    String traceId,
    String workflowId,
    int workflowVersion,
    String status,
    String trigger,
    String startedAt,
    Long durationMs,
    int spanCount,
    String error,
    JsonValue inputs,
    JsonValue outputs) {

  public static RunView of(RunResult result, String trigger, JsonValue inputs) {
    return new RunView(
        result.runId(),
        result.traceId(),
        result.workflowId(),
        result.workflowVersion(),
        result.status().name(),
        trigger,
        Instant.ofEpochMilli(result.startedAtMillis()).toString(),
        result.durationMillis(),
        0,
        result.error(),
        inputs,
        result.outputs());
  }

  public static RunView of(RunRecord run) {
    return new RunView(
        run.getRunId(),
        run.getTraceId(),
        run.getWorkflowId(),
        run.getWorkflowVersion(),
        run.getStatus().name(),
        run.getTrigger(),
        Instant.ofEpochMilli(run.getStartedAt()).toString(),
        run.getDurationMs(),
        run.getSpanCount(),
        run.getErrorSummary(),
        JsonText.parse(run.getInputs()),
        JsonText.parse(run.getOutputs()));
  }
}
