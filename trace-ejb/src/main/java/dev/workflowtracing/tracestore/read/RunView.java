package dev.workflowtracing.tracestore.read;

import dev.workflowtracing.json.JsonText;
import dev.workflowtracing.tracestore.RunRecord;
import dev.workflowtracing.tracestore.TraceCompleteness;
import dev.workflowtracing.workflow.engine.queue.QueuedRun;
import dev.workflowtracing.workflow.live.LiveRun;
import dev.workflowtracing.workflow.run.RunResult;
import dev.workflowtracing.workflow.run.RunStatus;
import jakarta.json.JsonValue;
import java.time.Instant;

/**
 * A run as the API shows it. {@code traceId} is null when the run was not traced; {@code complete}
 * says all {@code expectedSpanCount} spans are stored (the trace view also checks for orphans);
 * {@code live} is every node's state while this server executes the run, null otherwise; {@code
 * executedBy} is the server that executes or executed it ({@code service.instance.id}), null while
 * it is queued; {@code foreignSpans} counts the spans other services sent for its trace; {@code
 * imported} says it was loaded from an OTLP file, not executed here; {@code usage} is what its
 * model calls used and cost, null until it has ended (and for runs stored before usage was kept).
 */
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
    Integer expectedSpanCount,
    boolean complete,
    String error,
    JsonValue inputs,
    JsonValue outputs,
    String executedBy,
    int foreignSpans,
    boolean imported,
    UsageView usage,
    LiveRun live) {

  /** The same run with its live state (while this server executes it, or just after). */
  public RunView withLive(LiveRun now) {
    return new RunView(
        runId,
        traceId,
        workflowId,
        workflowVersion,
        status,
        trigger,
        startedAt,
        durationMs,
        spanCount,
        expectedSpanCount,
        complete,
        error,
        inputs,
        outputs,
        executedBy,
        foreignSpans,
        imported,
        usage,
        now);
  }

  /** A run just put on the run queue. */
  public static RunView of(QueuedRun run, String trigger) {
    return new RunView(
        run.runId(),
        null,
        run.workflowId(),
        run.workflowVersion(),
        RunStatus.QUEUED.name(),
        trigger,
        Instant.ofEpochMilli(run.queuedAtMillis()).toString(),
        null,
        0,
        null,
        false,
        null,
        JsonText.parse(run.inputsJson()),
        JsonValue.NULL,
        null,
        0,
        false,
        null,
        null);
  }

  /** A run that has just ended here, executed by {@code server}. */
  public static RunView of(RunResult result, String trigger, String server) {
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
        null,
        false,
        result.error(),
        result.inputs(),
        result.outputs(),
        server,
        0,
        false,
        UsageView.of(result.usage()),
        null);
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
        run.getExpectedSpanCount(),
        TraceCompleteness.ofRun(run),
        run.getErrorSummary(),
        JsonText.parse(run.getInputs()),
        JsonText.parse(run.getOutputs()),
        run.getExecutedBy(),
        run.getForeignSpans(),
        run.isImported(),
        run.usage().map(UsageView::of).orElse(null),
        null);
  }
}
