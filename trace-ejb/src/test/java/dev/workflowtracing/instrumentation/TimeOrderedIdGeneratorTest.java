package dev.workflowtracing.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceId;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TimeOrderedIdGeneratorTest {

  @Test
  void traceIdsBeginWithTheirSecondSoLaterTracesSortAfterEarlierOnes() {
    AtomicLong clock = new AtomicLong(1_796_000_000_123L);
    TimeOrderedIdGenerator ids = new TimeOrderedIdGenerator(clock::get);

    String first = ids.generateTraceId();
    clock.addAndGet(1_000);
    String second = ids.generateTraceId();

    assertThat(TraceId.isValid(first)).isTrue();
    assertThat(first).startsWith(Long.toHexString(1_796_000_000L));
    assertThat(second).startsWith(Long.toHexString(1_796_000_001L));
    assertThat(second).isGreaterThan(first);
  }

  @Test
  void theRestOfATraceIdAndEverySpanIdAreRandom() {
    TimeOrderedIdGenerator ids = new TimeOrderedIdGenerator(() -> 1_796_000_000_000L);
    Set<String> traceIds = new HashSet<>();
    Set<String> lowHalves = new HashSet<>();
    Set<String> spanIds = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String traceId = ids.generateTraceId();
      traceIds.add(traceId);
      lowHalves.add(traceId.substring(16));
      String spanId = ids.generateSpanId();
      assertThat(SpanId.isValid(spanId)).isTrue();
      spanIds.add(spanId);
    }
    // All in one second, yet all different: 96 random bits, 64 of them where ratio samplers look.
    assertThat(traceIds).hasSize(10_000);
    assertThat(lowHalves).hasSize(10_000);
    assertThat(spanIds).hasSize(10_000);
  }
}
