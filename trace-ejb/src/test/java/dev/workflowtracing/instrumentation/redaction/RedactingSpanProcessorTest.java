package dev.workflowtracing.instrumentation.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowtracing.conventions.Artifacts;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactingSpanProcessorTest {

  @Test
  void everyExporterGetsOnlyTheRedactedSpanAndArtifactsAreCapped() {
    InMemorySpanExporter otlp = InMemorySpanExporter.create();
    InMemorySpanExporter database = InMemorySpanExporter.create();
    var processor =
        new RedactingSpanProcessor(
            new Redactor(RedactionSettings.builtIns(4096, 20)),
            List.of(
                new RedactingSpanProcessor.Downstream("otlp", SimpleSpanProcessor.create(otlp)),
                new RedactingSpanProcessor.Downstream(
                    "database", SimpleSpanProcessor.create(database))));
    try (var provider = SdkTracerProvider.builder().addSpanProcessor(processor).build()) {
      Span span =
          provider
              .get("test")
              .spanBuilder("llm ask")
              .setAttribute("user", "ada@example.com")
              .startSpan();
      Artifacts.record(
          span, "prompt", "text/plain", "Mail ada@example.com the card 4111111111111111");
      span.recordException(new IllegalStateException("token sk-test-abcdef123456 rejected"));
      span.setStatus(StatusCode.ERROR, "sent to ada@example.com");
      span.end();

      for (InMemorySpanExporter exporter : List.of(otlp, database)) {
        SpanData data = exporter.getFinishedSpanItems().get(0);
        String everything =
            data.getAttributes() + " " + data.getEvents() + " " + data.getStatus().getDescription();
        assertThat(everything)
            .doesNotContain("ada@example.com", "4111111111111111", "sk-test-abcdef123456")
            .contains("[REDACTED:email]", "[REDACTED:api-key]");
        assertThat(data.getEvents().get(0).getAttributes().get(Artifacts.CONTENT))
            .isEqualTo("Mail [REDACTED:email]…[truncated 32 chars]");
        assertThat(data.getEvents().get(0).getAttributes().get(Artifacts.ORIGINAL_LENGTH))
            .isEqualTo(46L);
      }
      assertThat(processor.shutdown().join(5, java.util.concurrent.TimeUnit.SECONDS).isSuccess())
          .isTrue();
    }
  }
}
