package dev.workflowtracing.tracestore.read;

import dev.workflowtracing.instrumentation.TracingSettings;
import dev.workflowtracing.otlp.OtlpJsonWriter;
import dev.workflowtracing.spans.FinishedSpan;
import dev.workflowtracing.tracestore.SpanRecord;
import dev.workflowtracing.tracestore.StoredArtifact;
import dev.workflowtracing.tracestore.StoredSpans;
import dev.workflowtracing.tracestore.TraceQueries;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stored trace as one OTLP JSON file ({@code GET /api/traces/{id}/otlp}): every span, ours and
 * foreign, with its resource, scope, attributes, events and artifacts, so that any OTLP tool, or
 * this application's import, reads the same trace. Reads through the same render gate as a trace
 * view, so that exports cannot take more memory at once than reads do.
 */
@ApplicationScoped
public class TraceOtlpExport {

  @EJB TraceQueries queries;
  @Inject TracingSettings tracing;
  @Inject TraceRenderGate gate;

  public Optional<String> json(String traceId) {
    return gate.render(
        () -> {
          List<SpanRecord> spans = queries.spans(traceId);
          if (spans.isEmpty()) {
            return Optional.empty();
          }
          Map<String, List<StoredArtifact>> artifacts = queries.artifactsOfTrace(traceId);
          List<FinishedSpan> finished =
              spans.stream()
                  .map(
                      s ->
                          StoredSpans.finished(
                              s,
                              artifacts.getOrDefault(s.getSpanId(), List.of()),
                              tracing.serviceName()))
                  .toList();
          StringWriter out = new StringWriter(4096);
          OtlpJsonWriter.write(finished, out);
          return Optional.of(out.toString());
        });
  }
}
