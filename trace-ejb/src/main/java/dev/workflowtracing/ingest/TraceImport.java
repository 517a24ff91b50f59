package dev.workflowtracing.ingest;

import dev.workflowtracing.conventions.WorkflowAttributes;
import dev.workflowtracing.instrumentation.SpanSink;
import dev.workflowtracing.instrumentation.redaction.Redactor;
import dev.workflowtracing.otlp.OtlpBatch;
import dev.workflowtracing.otlp.OtlpJson;
import dev.workflowtracing.otlp.OwnSpans;
import dev.workflowtracing.spans.FinishedSpan;
import dev.workflowtracing.tracestore.RunRecord;
import dev.workflowtracing.tracestore.TraceImports;
import dev.workflowtracing.workflow.run.RunStatus;
import dev.workflowtracing.workflow.run.RunUsage;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Loads OTLP files ({@code POST /api/traces/import}): our own exports and other tools' OTLP JSON.
 * The engine's spans are told by their role attribute and stored as ours, so that a trace exported
 * from one server and imported into another has the same tree, attributes, events and artifacts; a
 * trace with the engine's root span also gets its run, marked imported. Everything passes the same
 * redaction as any span. A file with a trace stored already is refused whole.
 */
@ApplicationScoped
public class TraceImport {

  /** An engine span has a role; a foreign one (even of this application's own format) has none. */
  static final OwnSpans ENGINE_SPANS = a -> a.get(WorkflowAttributes.SPAN_ROLE) != null;

  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._-]{1,36}");

  @Inject Redactor redactor;
  @Inject SpanSink sink;
  @EJB TraceImports store;

  /**
   * Loads one file's text ({@link OtlpJson#decodeFile}).
   *
   * @throws dev.workflowtracing.otlp.InvalidOtlpException when the text is not OTLP JSON
   */
  public ImportResult load(String file) throws ImportRefused {
    return load(OtlpJson.decodeFile(file, ENGINE_SPANS));
  }

  ImportResult load(OtlpBatch batch) throws ImportRefused {
    if (batch.spans().isEmpty()) {
      throw new ImportRefused(
          ImportRefused.Reason.NOTHING_TO_IMPORT,
          "The file holds no span that can be stored"
              + (batch.rejected() > 0 ? ": " + batch.rejectionMessage() : ""));
    }
    Map<String, List<FinishedSpan>> byTrace = new LinkedHashMap<>();
    for (FinishedSpan span : batch.spans()) {
      byTrace.computeIfAbsent(span.traceId(), t -> new ArrayList<>()).add(redactor.span(span));
    }
    List<String> stored = store.storedTraces(byTrace.keySet());
    if (!stored.isEmpty()) {
      throw new ImportRefused(
          ImportRefused.Reason.ALREADY_STORED,
          "Trace "
              + stored.get(0)
              + " is stored already (was this file imported before?): delete it first to import"
              + " it again");
    }
    List<ImportResult.ImportedTrace> traces = new ArrayList<>();
    for (var trace : byTrace.entrySet()) {
      List<FinishedSpan> spans = trace.getValue();
      RunRecord run = runOf(trace.getKey(), spans);
      if (run != null && store.runStored(run.getRunId())) {
        throw new ImportRefused(
            ImportRefused.Reason.ALREADY_STORED,
            "Run " + run.getRunId() + " is stored already, with another trace: nothing imported");
      }
      store(spans);
      if (run != null) {
        store.save(run);
      }
      int own = (int) spans.stream().filter(s -> !s.source().foreign()).count();
      traces.add(
          new ImportResult.ImportedTrace(
              trace.getKey(), run == null ? null : run.getRunId(), own, spans.size() - own));
    }
    return new ImportResult(traces, batch.rejected(), batch.rejectionMessage());
  }

  private void store(List<FinishedSpan> spans) throws ImportRefused {
    try {
      sink.store(spans);
    } catch (RuntimeException e) {
      if (sink.isTransient(e)) {
        throw new ImportRefused(
            ImportRefused.Reason.UNAVAILABLE,
            "The database is unavailable: try the import again later");
      }
      throw new ImportRefused(
          ImportRefused.Reason.REFUSED, "The database refuses a span of the file: " + e);
    }
  }

  /** The run of an engine root span in the trace, ended as its attributes say; null without one. */
  private static RunRecord runOf(String traceId, List<FinishedSpan> spans) {
    FinishedSpan root =
        spans.stream()
            .filter(s -> !s.source().foreign() && s.isRoot())
            .filter(s -> "run".equals(s.attributes().get(WorkflowAttributes.SPAN_ROLE)))
            .findFirst()
            .orElse(null);
    if (root == null) {
      return null;
    }
    Attributes a = root.attributes();
    String runId = a.get(WorkflowAttributes.RUN_ID);
    String workflowId = a.get(WorkflowAttributes.WORKFLOW_ID);
    if (runId == null || !RUN_ID.matcher(runId).matches() || workflowId == null) {
      return null;
    }
    Long version = a.get(WorkflowAttributes.WORKFLOW_VERSION);
    int own = (int) spans.stream().filter(s -> !s.source().foreign()).count();
    int foreign = spans.size() - own;
    return RunRecord.imported(
        runId,
        traceId,
        workflowId,
        version == null ? 1 : (int) Math.max(1, Math.min(Integer.MAX_VALUE, version)),
        "import",
        root.startNanos() / 1_000_000,
        root.endNanos() / 1_000_000,
        status(a.get(WorkflowAttributes.RUN_STATUS), root.statusCode()),
        root.statusMessage(),
        own,
        foreign,
        usage(a));
  }

  private static RunStatus status(String recorded, StatusCode code) {
    try {
      RunStatus status = RunStatus.valueOf(recorded);
      if (status.isFinal()) {
        return status;
      }
    } catch (IllegalArgumentException | NullPointerException e) {
      // told by the span's status below
    }
    return code == StatusCode.ERROR ? RunStatus.FAILED : RunStatus.SUCCEEDED;
  }

  private static RunUsage usage(Attributes a) {
    Long input = a.get(WorkflowAttributes.RUN_INPUT_TOKENS);
    Long output = a.get(WorkflowAttributes.RUN_OUTPUT_TOKENS);
    Double cost = a.get(WorkflowAttributes.RUN_COST);
    if (input == null && output == null && cost == null) {
      return RunUsage.NONE;
    }
    return new RunUsage(
        input == null ? 0 : input,
        output == null ? 0 : output,
        cost == null ? null : Math.round(cost * 1e9),
        0,
        0);
  }
}
