package dev.workflowtracing.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowtracing.conventions.WorkflowAttributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoundedSpanQueueTest {

  private static final String PROMPT = "p".repeat(100_000); // ~200 KB a span

  private final ExporterStats stats = new ExporterStats("otlp");
  private final List<SpanData> exported = new CopyOnWriteArrayList<>();
  private final List<CompletableResultCode> exports = new CopyOnWriteArrayList<>();

  /** An exporter whose exports complete only when the test says so: the spans stay held. */
  private final SpanExporter heldExporter =
      new SpanExporter() {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
          exported.addAll(spans);
          CompletableResultCode result = new CompletableResultCode();
          exports.add(result);
          return result;
        }

        @Override
        public CompletableResultCode flush() {
          return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
          return CompletableResultCode.ofSuccess();
        }
      };

  private SdkTracerProvider provider;

  @AfterEach
  void close() {
    exports.forEach(CompletableResultCode::succeed);
    if (provider != null) {
      provider.shutdown().join(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void aQueueFullOfBytesDropsNewSpansCountsThemAndTakesSpansAgainOnceItsExportsComplete() {
    BoundedSpanQueue queue = queue(1_000, 1 << 20); // room for 5 such spans, in bytes
    Tracer tracer = tracer(queue);

    for (int i = 0; i < 10; i++) {
      end(tracer, "big " + i, "run-" + i, PROMPT);
    }

    assertThat(stats.dropped()).isEqualTo(5);
    assertThat(queue.bytes()).isLessThanOrEqualTo(1 << 20).isGreaterThan(800_000);

    awaitExported(5);
    exports.forEach(CompletableResultCode::succeed);
    assertThat(queue.bytes()).isZero();

    end(tracer, "after", "run-after", PROMPT);
    assertThat(stats.dropped()).isEqualTo(5); // taken again: nothing more dropped
  }

  @Test
  void smallSpansAreBoundedByCountBeforeTheProcessorDropsAny() {
    BoundedSpanQueue queue = queue(5, 1 << 30);
    Tracer tracer = tracer(queue);

    for (int i = 0; i < 8; i++) {
      end(tracer, "small " + i, "run-" + i, "x");
    }

    assertThat(stats.dropped()).isEqualTo(3);
    awaitExported(5);
  }

  @Test
  void aSpanWeighsWhatItCarries() {
    Tracer tracer = tracer(queue(10, 1 << 30));
    end(tracer, "small", "run-1", "x");
    end(tracer, "big", "run-2", PROMPT);
    awaitExported(2);

    long small = SpanBytes.estimate(exported.get(0));
    long big = SpanBytes.estimate(exported.get(1));
    assertThat(small).isBetween(SpanBytes.SPAN_OVERHEAD, 2_000L);
    assertThat(big).isBetween(200_000L, 202_000L);
  }

  private BoundedSpanQueue queue(int maxSpans, long maxBytes) {
    return BoundedSpanQueue.of(
        "otlp",
        maxSpans,
        maxBytes,
        stats,
        heldExporter,
        releasing ->
            BatchSpanProcessor.builder(releasing)
                .setMaxQueueSize(maxSpans)
                .setMaxExportBatchSize(1)
                .setScheduleDelay(Duration.ofMillis(1))
                // Gives up waiting on the held exports at once: their spans stay held all the same.
                .setExporterTimeout(Duration.ofMillis(10))
                .build());
  }

  private Tracer tracer(BoundedSpanQueue queue) {
    provider = SdkTracerProvider.builder().addSpanProcessor(queue).build();
    return provider.get("test");
  }

  private static void end(Tracer tracer, String name, String runId, String prompt) {
    tracer
        .spanBuilder(name)
        .setAttribute(WorkflowAttributes.RUN_ID, runId)
        .setAttribute("llm.prompt", prompt)
        .startSpan()
        .end();
  }

  private void awaitExported(long count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (exported.size() < count && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(exported).hasSize((int) count);
  }
}
