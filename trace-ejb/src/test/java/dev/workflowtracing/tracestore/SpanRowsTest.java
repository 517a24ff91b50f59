package dev.workflowtracing.tracestore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowtracing.conventions.Artifacts;
import dev.workflowtracing.conventions.WorkflowAttributes;
import dev.workflowtracing.instrumentation.FinishedSpans;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanRowsTest {

  @Test
  void aSpanBecomesARowItsAttributesAndItsArtifacts() {
    List<SpanData> spans = record();
    SpanData child = spans.get(0);
    SpanData root = spans.get(1);

    SpanRows rows = SpanRows.of(FinishedSpans.of(child), 10, IndexedAttributes.parse("*"));

    SpanRecord span = rows.span();
    assertThat(span.getParentSpanId()).isEqualTo(root.getSpanId());
    assertThat(span.getNodeId()).isEqualTo("ask");
    assertThat(span.getStatusCode()).isEqualTo("ERROR");
    assertThat(span.getStatusMessage()).isEqualTo("bad");
    assertThat(span.getAttributes()).contains("\"workflow.node.id\":\"ask\"", "\"tokens\":12");
    assertThat(span.getEvents())
        .contains("\"name\":\"exception\"", "\"exception.message\":\"bad\"")
        .doesNotContain(Artifacts.EVENT);
    assertThat(span.getAttributes()).contains("\"ratio\":\"NaN\"", "\"tags\":[\"a\",\"b\"]");
    assertThat(span.getLinks()).isEqualTo("[]");
    assertThat(rows.attributes()).hasSize(4); // scalars only: not the "tags" array
    assertThat(rows.artifacts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo("prompt");
              assertThat(a.content()).isEqualTo("0123456789");
              assertThat(a.truncated()).isTrue();
              assertThat(a.originalLength()).isEqualTo(26);
            });

    SpanRecord rootRow =
        SpanRows.of(FinishedSpans.of(root), 10, IndexedAttributes.parse("*")).span();
    assertThat(rootRow.getParentSpanId()).isNull();
    assertThat(rootRow.getEvents()).isEqualTo("[]");
  }

  private static List<SpanData> record() {
    InMemorySpanExporter memory = InMemorySpanExporter.create();
    try (var provider =
        SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(memory)).build()) {
      var tracer = provider.get("test");
      Span root =
          tracer.spanBuilder("run w").setAttribute(WorkflowAttributes.RUN_ID, "r1").startSpan();
      try (Scope ignored = root.makeCurrent()) {
        Span child =
            tracer
                .spanBuilder("llm ask")
                .setAttribute(WorkflowAttributes.RUN_ID, "r1")
                .setAttribute(WorkflowAttributes.NODE_ID, "ask")
                .setAttribute("tokens", 12L)
                .setAttribute("ratio", Double.NaN)
                .setAttribute(AttributeKey.stringArrayKey("tags"), List.of("a", "b"))
                .startSpan();
        Artifacts.record(child, "prompt", "text/plain", "0123456789abcdefghijklmnop");
        child.recordException(new IllegalStateException("bad"));
        child.setStatus(StatusCode.ERROR, "bad");
        child.end();
      }
      root.end();
      return memory.getFinishedSpanItems();
    }
  }
}
