package dev.workflowtracing.tracestore;

import dev.workflowtracing.json.JsonFactory;
import dev.workflowtracing.workflow.run.RunStatus;
import dev.workflowtracing.workflow.run.RunUsage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.util.Optional;
import org.hibernate.annotations.Formula;

/** One workflow run and the summary of its trace; the list view of the trace API reads these. */
@Entity
@Table(name = "runs")
@NamedQuery(
    name = "RunRecord.findByTraceId",
    query = "select r from RunRecord r where r.traceId = :traceId")
@NamedQuery(
    name = "RunRecord.foreignSpansOfTrace",
    query = "select r.foreignSpans from RunRecord r where r.traceId = :traceId")
@NamedQuery(
    name = "RunRecord.statusById",
    query = "select r.status from RunRecord r where r.runId = :runId")
@NamedQuery(
    name = "RunRecord.idsLeftRunningBy",
    query =
        "select r.runId from RunRecord r where r.status = :status and r.startedAt < :before"
            + " and (r.executedBy = :server or r.executedBy is null)")
@NamedQuery(
    name = "RunRecord.idsRunningOn",
    query = "select r.runId from RunRecord r where r.status = :status and r.executedBy = :server")
@NamedQuery(
    name = "RunRecord.cancelRequestsFor",
    query =
        "select r.runId, r.cancelRequest from RunRecord r where r.executedBy = :server"
            + " and r.status = :status and r.cancelRequest is not null")
public class RunRecord {

  public static final int MAX_ERROR_LENGTH = 2000;
  public static final int MAX_JSON_LENGTH = 1_000_000;
  private static final int MAX_TRIGGER_LENGTH = 32;
  public static final int MAX_SERVER_LENGTH = 200;
  private static final int MAX_CANCEL_REQUEST_LENGTH = 500;
  private static final int MAX_WORKFLOW_ID_LENGTH = 100;

  @Id
  @Column(name = "run_id", length = 36)
  private String runId;

  @Column(name = "trace_id", length = 32)
  private String traceId;

  @Column(name = "workflow_id", nullable = false, length = 100)
  private String workflowId;

  @Column(name = "workflow_version", nullable = false)
  private int workflowVersion;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private RunStatus status;

  @Column(name = "run_trigger", nullable = false, length = 32)
  private String trigger;

  @Column(name = "started_at", nullable = false)
  private long startedAt;

  @Column(name = "ended_at")
  private Long endedAt;

  @Column(name = "duration_ms")
  private Long durationMs;

  // Counted when read rather than kept up to date on every span batch: the recount was an update
  // of the run row per trace per batch, a fifth of the span writer's database time
  // (docs/performance.md). The subquery walks the spans' primary key (trace_id, span_id).
  @Formula("(select count(*) from spans s where s.trace_id = trace_id)")
  private int spanCount;

  @Column(name = "expected_span_count")
  private Integer expectedSpanCount;

  @Column(name = "error_summary", length = MAX_ERROR_LENGTH)
  private String errorSummary;

  @Column(length = 1_000_000)
  private String inputs;

  @Column(length = 1_000_000)
  private String outputs;

  /** The server executing the run ({@code service.instance.id}); null for a queued run. */
  @Column(name = "executed_by", length = MAX_SERVER_LENGTH)
  private String executedBy;

  /** Why another server asked the executing one to cancel the run; null if none did. */
  @Column(name = "cancel_request", length = MAX_CANCEL_REQUEST_LENGTH)
  private String cancelRequest;

  // Not stored: tells RunStore whether a row for this run exists already.
  // What the run's model calls used (null before it ended, and for runs stored before these
  // columns); cost in billionths of workflow.llm.currency, null when no model had a price.
  @Column(name = "input_tokens")
  private Long inputTokens;

  @Column(name = "output_tokens")
  private Long outputTokens;

  @Column(name = "total_tokens")
  private Long totalTokens;

  @Column(name = "cost_nanos")
  private Long costNanos;

  @Column(name = "failed_attempt_tokens")
  private Long failedAttemptTokens;

  @Column(name = "failed_attempt_cost_nanos")
  private Long failedAttemptCostNanos;

  /** Spans other services sent for this run's trace (OTLP); a cached trace is checked by it. */
  @Column(name = "foreign_spans", nullable = false)
  private int foreignSpans;

  /** Loaded from an OTLP file rather than executed here. */
  @Column(nullable = false)
  private boolean imported;

  @Transient private boolean startsQueuedRun;

  protected RunRecord() {}

  public RunRecord(
      String runId,
      String traceId,
      String workflowId,
      int workflowVersion,
      String trigger,
      long startedAt,
      String inputs) {
    this.runId = runId;
    this.traceId = traceId;
    this.workflowId = StoredText.fit(workflowId, MAX_WORKFLOW_ID_LENGTH);
    this.workflowVersion = workflowVersion;
    this.trigger = StoredText.fit(trigger, MAX_TRIGGER_LENGTH);
    this.startedAt = startedAt;
    this.inputs = StoredText.fitJsonObject(inputs, MAX_JSON_LENGTH);
    this.status = RunStatus.RUNNING;
  }

  public void finish(
      RunStatus finalStatus,
      long endedAtMillis,
      String outputsJson,
      String error,
      int expectedSpans,
      RunUsage usage) {
    if (status.isFinal()) {
      throw new IllegalStateException(
          "Run " + runId + " has ended already as " + status + ": a final status is final");
    }
    this.status = finalStatus;
    // An aborted run never counted its spans.
    this.expectedSpanCount =
        traceId == null || finalStatus == RunStatus.ABORTED ? null : expectedSpans;
    this.endedAt = endedAtMillis;
    this.durationMs = endedAtMillis - startedAt;
    this.outputs = StoredText.fitJsonObject(outputsJson, MAX_JSON_LENGTH);
    this.errorSummary = StoredText.fit(error, MAX_ERROR_LENGTH);
    this.inputTokens = usage.inputTokens();
    this.outputTokens = usage.outputTokens();
    this.totalTokens = usage.inputTokens() + usage.outputTokens();
    this.costNanos = usage.costNanos();
    this.failedAttemptTokens = usage.failedAttemptTokens();
    this.failedAttemptCostNanos = usage.failedAttemptCostNanos();
  }

  /**
   * The run was cut off by its server's stop: it ends ABORTED, with the usage of the calls whose
   * spans were stored. How many spans it would have had is unknown, so its trace is never counted
   * complete.
   */
  public void abort(long endedAtMillis, String reason, RunUsage usage) {
    finish(RunStatus.ABORTED, endedAtMillis, "{}", reason, 0, usage);
  }

  /** This start, executed by {@code server}. */
  public RunRecord executedBy(String server) {
    this.executedBy = StoredText.fit(server, MAX_SERVER_LENGTH);
    return this;
  }

  public String getExecutedBy() {
    return executedBy;
  }

  /**
   * Another server asks the one executing this run to cancel it; false (nothing recorded) unless
   * the run is running on a server other than {@code server}.
   */
  public boolean requestCancel(String server, String reason) {
    if (status != RunStatus.RUNNING || executedBy == null || executedBy.equals(server)) {
      return false;
    }
    cancelRequest = StoredText.fit(reason, MAX_CANCEL_REQUEST_LENGTH);
    return true;
  }

  /**
   * A run loaded from an OTLP file (its root span), ended as it ended where it was executed; its
   * trace counts as whole once its {@code expectedSpans} own spans are stored, and the file's
   * {@code foreignSpans} other services' spans are counted on it as if they had arrived later.
   */
  public static RunRecord imported(
      String runId,
      String traceId,
      String workflowId,
      int workflowVersion,
      String trigger,
      long startedAt,
      long endedAt,
      RunStatus finalStatus,
      String error,
      int expectedSpans,
      int foreignSpans,
      RunUsage usage) {
    RunRecord run =
        new RunRecord(runId, traceId, workflowId, workflowVersion, trigger, startedAt, "{}");
    run.finish(finalStatus, endedAt, "{}", error, expectedSpans, usage);
    run.imported = true;
    run.foreignSpans = foreignSpans;
    return run;
  }

  /** A run accepted onto the run queue, not started yet. */
  public static RunRecord queued(
      String runId,
      String workflowId,
      int workflowVersion,
      String trigger,
      long queuedAt,
      String inputs) {
    RunRecord run =
        new RunRecord(runId, null, workflowId, workflowVersion, trigger, queuedAt, inputs);
    run.status = RunStatus.QUEUED;
    return run;
  }

  /** This start, marked as the start of a run whose queued row exists already. */
  public RunRecord startingQueuedRun() {
    startsQueuedRun = true;
    return this;
  }

  /** Whether this is the start of a queued run, to be written over its queued row. */
  public boolean startsQueuedRun() {
    return startsQueuedRun;
  }

  /** The queued run has started as {@code started} says (its trace, version and start time). */
  public void start(RunRecord started) {
    this.traceId = started.traceId;
    this.workflowVersion = started.workflowVersion;
    this.startedAt = started.startedAt;
    this.executedBy = started.executedBy;
    this.status = RunStatus.RUNNING;
  }

  /**
   * This run's start without its inputs: what is still stored when the whole record cannot be (the
   * run and its trace stay findable).
   */
  public RunRecord withoutInputs(String reason) {
    RunRecord repaired =
        new RunRecord(
            runId, traceId, workflowId, workflowVersion, trigger, startedAt, notStored(reason));
    repaired.status = status;
    repaired.startsQueuedRun = startsQueuedRun;
    repaired.executedBy = executedBy;
    return repaired;
  }

  /** A JSON object saying why a value was not stored. */
  public static String notStored(String reason) {
    return "{\"notStored\":" + JsonFactory.createValue(StoredText.fit(reason, 500)) + "}";
  }

  /** What its model calls used; empty while it runs and for runs stored before usage was kept. */
  public Optional<RunUsage> usage() {
    return inputTokens == null
        ? Optional.empty()
        : Optional.of(
            new RunUsage(
                inputTokens,
                outputTokens,
                costNanos,
                failedAttemptTokens == null ? 0 : failedAttemptTokens,
                failedAttemptCostNanos == null ? 0 : failedAttemptCostNanos));
  }

  public Long getCostNanos() {
    return costNanos;
  }

  public Long getTotalTokens() {
    return totalTokens;
  }

  public String getRunId() {
    return runId;
  }

  public String getTraceId() {
    return traceId;
  }

  public String getWorkflowId() {
    return workflowId;
  }

  public int getWorkflowVersion() {
    return workflowVersion;
  }

  public RunStatus getStatus() {
    return status;
  }

  public String getTrigger() {
    return trigger;
  }

  public long getStartedAt() {
    return startedAt;
  }

  public Long getEndedAt() {
    return endedAt;
  }

  public Long getDurationMs() {
    return durationMs;
  }

  public int getSpanCount() {
    return spanCount;
  }

  /** Spans the run should have produced; null while running or when it was not traced. */
  public Integer getExpectedSpanCount() {
    return expectedSpanCount;
  }

  public int getForeignSpans() {
    return foreignSpans;
  }

  public boolean isImported() {
    return imported;
  }

  public String getErrorSummary() {
    return errorSummary;
  }

  public String getInputs() {
    return inputs;
  }

  public String getOutputs() {
    return outputs;
  }
}
