package dev.workflowtracing.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowtracing.conventions.WorkflowAttributes;
import dev.workflowtracing.spans.FinishedSpan;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PersistingSpanExporterTest {

  private final List<FinishedSpan> stored = new ArrayList<>();
  private final AtomicBoolean databaseUp = new AtomicBoolean(true);
  private final AtomicLong clock = new AtomicLong();
  private final ExporterStats stats = new ExporterStats("database");

  private final SpanSink sink =
      spans -> {
        if (!databaseUp.get()) {
          throw new IllegalStateException("database down");
        }
        stored.addAll(spans);
      };

  @Test
  void storesEachBatch() {
    var exporter = PersistingSpanExporter.create(sink, 100, Long.MAX_VALUE, clock::get, stats);

    assertThat(exporter.export(spans(3)).isSuccess()).isTrue();

    assertThat(stored).hasSize(3);
    assertThat(stats.exported()).isEqualTo(3);
  }

  @Test
  void keepsFailedBatchesAndWritesThemOnceTheDatabaseIsBackAndTheBackoffHasPassed() {
    var exporter = PersistingSpanExporter.create(sink, 100, Long.MAX_VALUE, clock::get, stats);
    databaseUp.set(false);

    assertThat(exporter.export(spans(2)).isSuccess()).isFalse();
    assertThat(exporter.pendingSpans()).isEqualTo(2);
    assertThat(stats.failed()).isEqualTo(2);
    assertThat(stats.lastError()).contains("database down");

    databaseUp.set(true);
    exporter.export(spans(1)); // within the 100 ms backoff: buffered, not written
    assertThat(stored).isEmpty();
    assertThat(exporter.pendingSpans()).isEqualTo(3);

    clock.addAndGet(150_000_000L);
    assertThat(exporter.retryPending().isSuccess()).isTrue();
    assertThat(stored).hasSize(3);
    assertThat(exporter.pendingSpans()).isZero();
    assertThat(stats.dropped()).isZero();
  }

  @Test
  void dropsTheOldestBatchesBeyondTheBufferAndCountsThem() {
    var exporter = PersistingSpanExporter.create(sink, 5, Long.MAX_VALUE, clock::get, stats);
    databaseUp.set(false);

    exporter.export(spans(3));
    exporter.export(spans(3));

    assertThat(exporter.pendingSpans()).isEqualTo(3);
    assertThat(stats.dropped()).isEqualTo(3);
  }

  @Test
  void dropsTheOldestBatchesBeyondTheBufferInBytes() {
    Collection<SpanData> three = spans(3);
    long bytes = 0;
    for (SpanData span : three) {
      bytes += SpanBytes.estimate(span);
    }
    var exporter = PersistingSpanExporter.create(sink, 100, bytes + 10, clock::get, stats);
    databaseUp.set(false);

    exporter.export(three);
    exporter.export(spans(3));

    assertThat(exporter.pendingSpans()).isEqualTo(3);
    assertThat(exporter.pendingBytes()).isLessThanOrEqualTo(bytes + 10);
    assertThat(stats.dropped()).isEqualTo(3);

    databaseUp.set(true);
    clock.addAndGet(150_000_000L);
    exporter.retryPending();
    assertThat(exporter.pendingBytes()).isZero();
  }

  @Test
  void shutdownWritesWhatIsBufferedAndThenRefusesNewSpans() {
    var exporter = PersistingSpanExporter.create(sink, 100, Long.MAX_VALUE, clock::get, stats);
    databaseUp.set(false);
    exporter.export(spans(2));
    databaseUp.set(true);

    assertThat(exporter.shutdown().isSuccess()).isTrue();
    assertThat(stored).hasSize(2);

    assertThat(exporter.export(spans(1)).isSuccess()).isFalse();
    assertThat(stats.dropped()).isEqualTo(1);
    assertThat(exporter.shutdown().isSuccess()).isTrue();
  }

  @Test
  void shutdownCountsWhatItCouldNotWrite() {
    var exporter = PersistingSpanExporter.create(sink, 100, Long.MAX_VALUE, clock::get, stats);
    databaseUp.set(false);
    exporter.export(spans(4));

    exporter.shutdown();

    assertThat(stats.dropped()).isEqualTo(4);
  }

  @Test
  void aSpanTheDatabaseRefusesIsSetAsideAndTheRestOfItsBatchAndLaterBatchesAreStored() {
    SpanSink refusesPoison =
        new SpanSink() {
          @Override
          public void store(Collection<FinishedSpan> spans) {
            if (spans.stream().anyMatch(s -> s.name().equals("span 1"))) {
              throw new IllegalStateException("invalid byte sequence for encoding UTF8: 0x00");
            }
            stored.addAll(spans);
          }

          @Override
          public boolean isTransient(RuntimeException failure) {
            return false; // the database answers: the batch itself is refused
          }
        };
    var exporter =
        PersistingSpanExporter.create(refusesPoison, 100, Long.MAX_VALUE, clock::get, stats);

    exporter.export(spans(3));
    exporter.export(spans(1));

    assertThat(stored).extracting(FinishedSpan::name).containsExactly("span 0", "span 2", "span 0");
    assertThat(stats.rejected()).isEqualTo(1);
    assertThat(stats.exported()).isEqualTo(3);
    assertThat(exporter.pendingSpans()).isZero();
  }

  @Test
  void aDropNamesTheRunsItCameFrom() {
    assertThat(PersistingSpanExporter.runIdsOf(FinishedSpans.of(runSpans(7))))
        .isEqualTo("[run-0, run-1, run-2, run-3, run-4] and 2 more");
    assertThat(PersistingSpanExporter.runIdsOf(FinishedSpans.of(spans(2)))).isEqualTo("[]");
  }

  private static Collection<SpanData> runSpans(int runs) {
    InMemorySpanExporter memory = InMemorySpanExporter.create();
    try (var provider =
        SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(memory)).build()) {
      for (int i = 0; i < runs; i++) {
        provider
            .get("test")
            .spanBuilder("run")
            .setAttribute(WorkflowAttributes.RUN_ID, "run-" + i)
            .startSpan()
            .end();
      }
      return memory.getFinishedSpanItems();
    }
  }

  private static Collection<SpanData> spans(int count) {
    InMemorySpanExporter memory = InMemorySpanExporter.create();
    try (var provider =
        SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(memory)).build()) {
      for (int i = 0; i < count; i++) {
        provider.get("test").spanBuilder("span " + i).startSpan().end();
      }
      // Read before close: shutting the provider down empties the in-memory exporter.
      return memory.getFinishedSpanItems();
    }
  }
}
