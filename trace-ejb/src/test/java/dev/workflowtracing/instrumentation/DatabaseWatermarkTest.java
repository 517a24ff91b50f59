package dev.workflowtracing.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DatabaseWatermarkTest {

  private final ExporterStats stats = new ExporterStats("database");
  private final Set<String> stored = ConcurrentHashMap.newKeySet();
  private final CountDownLatch exporting = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  /** Stores slowly: the first batch waits until the test lets it go. */
  private final SpanExporter slowDatabase =
      new SpanExporter() {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
          exporting.countDown();
          try {
            release.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          spans.forEach(s -> stored.add(s.getName()));
          stats.exported(spans.size());
          return CompletableResultCode.ofSuccess();
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

  // A batch delay of an hour: only the waits make the processor export.
  private final DatabaseWatermark watermark =
      new DatabaseWatermark(
          BatchSpanProcessor.builder(slowDatabase).setScheduleDelay(Duration.ofHours(1)).build(),
          stats);
  private final SdkTracerProvider provider =
      SdkTracerProvider.builder().addSpanProcessor(watermark).build();
  private final Tracer tracer = provider.get("test");

  @AfterEach
  void tearDown() {
    release.countDown();
    provider.shutdown().join(5, TimeUnit.SECONDS);
  }

  @Test
  void aWaitReturnsOnceTheSpansEndedBeforeItAreStored() {
    tracer.spanBuilder("first").startSpan().end();
    release.countDown();
    assertThat(watermark.awaitStored(Duration.ofSeconds(5))).isTrue();
    assertThat(stored).containsExactly("first");
  }

  @Test
  void aWaitThatJoinsAFlushUnderWayStillWaitsForItsOwnSpans() throws Exception {
    tracer.spanBuilder("first").startSpan().end();
    CompletableFuture<Boolean> firstRun =
        CompletableFuture.supplyAsync(() -> watermark.awaitStored(Duration.ofSeconds(5)));
    assertThat(exporting.await(5, TimeUnit.SECONDS)).isTrue(); // "first" is being written
    tracer.spanBuilder("second").startSpan().end();
    CompletableFuture<Boolean> secondRun =
        CompletableFuture.supplyAsync(() -> watermark.awaitStored(Duration.ofSeconds(5)));
    release.countDown();
    assertThat(secondRun.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(stored).as("stored when the second run's wait returned").contains("second");
    assertThat(firstRun.get(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aWaitGivesUpAfterItsLimitWhenTheDatabaseDoesNotAnswer() {
    tracer.spanBuilder("stuck").startSpan().end();
    long started = System.nanoTime();
    assertThat(watermark.awaitStored(Duration.ofMillis(200))).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    assertThat(List.copyOf(stored)).isEmpty();
  }
}
