package dev.workflowtracing.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowtracing.instrumentation.SpanSink;
import dev.workflowtracing.instrumentation.redaction.RedactionSettings;
import dev.workflowtracing.instrumentation.redaction.Redactor;
import dev.workflowtracing.otlp.OtlpBatch;
import dev.workflowtracing.spans.FinishedSpan;
import dev.workflowtracing.spans.SpanSource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The receiver's admission and its answers: nothing is acknowledged before it is stored, a full set
 * of writers is refused as busy, a database that does not answer as unavailable (both with a time
 * to retry after, nothing stored), and a span the database refuses for good is rejected alone.
 */
class SpanIngestTest {

  private final List<FinishedSpan> stored = new ArrayList<>();
  private final IngestStats stats = new IngestStats();

  @Test
  void storedSpansAreRedactedFirstAndAcknowledgedOnceWritten() throws Exception {
    SpanIngest ingest = ingest(1, Duration.ZERO, spans -> stored.addAll(spans), e -> true);

    IngestResult result =
        ingest.ingest(new OtlpBatch(List.of(span("a", "hunter2")), 1, "1 rejected"));

    assertThat(result.stored()).isEqualTo(1);
    assertThat(result.rejected()).isEqualTo(1);
    assertThat(stored.get(0).attributes().get(AttributeKey.stringKey("password")))
        .isEqualTo("[REDACTED]");
    assertThat(stats.stored()).isEqualTo(1);
    assertThat(stats.rejected()).isEqualTo(1);
  }

  @Test
  void whenEveryWriterIsBusyTheRequestIsRefusedWithNothingStored() throws Exception {
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    SpanIngest ingest =
        ingest(
            1,
            Duration.ofMillis(50),
            spans -> {
              writing.countDown();
              await(release);
              stored.addAll(spans);
            },
            e -> true);
    Thread first =
        new Thread(
            () -> {
              try {
                ingest.ingest(new OtlpBatch(List.of(span("first", "x")), 0, ""));
              } catch (IngestRefused e) {
                throw new IllegalStateException(e);
              }
            });
    first.start();
    assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();

    assertThatThrownBy(() -> ingest.ingest(new OtlpBatch(List.of(span("second", "x")), 0, "")))
        .isInstanceOfSatisfying(
            IngestRefused.class,
            e -> {
              assertThat(e.reason()).isEqualTo(IngestRefused.Reason.BUSY);
              assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
            });
    release.countDown();
    first.join();
    assertThat(stored).extracting(FinishedSpan::name).containsExactly("first");
    assertThat(stats.refusedBusy()).isEqualTo(1);
  }

  @Test
  void aDatabaseThatDoesNotAnswerIsUnavailableAndASpanItRefusesIsRejectedAlone() throws Exception {
    SpanIngest down =
        ingest(
            2,
            Duration.ZERO,
            spans -> {
              throw new IllegalStateException("connection refused");
            },
            e -> true);
    assertThatThrownBy(() -> down.ingest(new OtlpBatch(List.of(span("a", "x")), 0, "")))
        .isInstanceOfSatisfying(
            IngestRefused.class,
            e -> assertThat(e.reason()).isEqualTo(IngestRefused.Reason.UNAVAILABLE));
    assertThat(stats.refusedUnavailable()).isEqualTo(1);

    SpanIngest refusesOne =
        ingest(
            2,
            Duration.ZERO,
            spans -> {
              if (spans.stream().anyMatch(s -> s.name().equals("poison"))) {
                throw new IllegalStateException("invalid byte sequence");
              }
              stored.addAll(spans);
            },
            e -> false);
    IngestResult result =
        refusesOne.ingest(
            new OtlpBatch(List.of(span("a", "x"), span("poison", "x"), span("b", "x")), 0, ""));
    assertThat(result.stored()).isEqualTo(2);
    assertThat(result.rejected()).isEqualTo(1);
    assertThat(result.rejectionMessage()).contains("refuses span");
    assertThat(stored).extracting(FinishedSpan::name).containsExactly("a", "b");
  }

  private SpanIngest ingest(
      int writers,
      Duration wait,
      java.util.function.Consumer<Collection<FinishedSpan>> store,
      java.util.function.Predicate<RuntimeException> transientFailure) {
    SpanIngest ingest = new SpanIngest();
    ingest.settings = new IngestSettings(true, Map.of(), 1 << 20, writers, wait);
    ingest.redactor = new Redactor(RedactionSettings.builtIns(4096, 65_536));
    ingest.stats = stats;
    ingest.sink =
        new SpanSink() {
          @Override
          public void store(Collection<FinishedSpan> spans) {
            store.accept(spans);
          }

          @Override
          public boolean isTransient(RuntimeException failure) {
            return transientFailure.test(failure);
          }
        };
    ingest.init();
    return ingest;
  }

  private static FinishedSpan span(String name, String password) {
    return new FinishedSpan(
        "4bf92f3577b34da6a3ce929d0e0e4736",
        String.format("%016x", (1L << 40) | (name.hashCode() & 0xffffffffL)),
        null,
        name,
        SpanKind.SERVER,
        StatusCode.UNSET,
        null,
        1,
        2,
        Attributes.of(AttributeKey.stringKey("password"), password),
        List.of(),
        List.of(),
        SpanSource.of(Attributes.empty(), "scope", null, true));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
