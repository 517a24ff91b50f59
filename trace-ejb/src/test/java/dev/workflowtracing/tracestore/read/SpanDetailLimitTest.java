package dev.workflowtracing.tracestore.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpanDetailLimitTest {

  @Test
  void aTraceGoesWithoutDetailsAboveTheLimitOrWhenAsked() {
    SpanDetailLimit limit = SpanDetailLimit.upTo(1_000);
    assertThat(limit.omits(1_000)).isFalse();
    assertThat(limit.omits(1_001)).isTrue();
    assertThat(limit.omittingAlways().omits(0)).isTrue();
  }

  @Test
  void anAskedForSlimTraceIsCachedApartFromTheUsualOne() {
    assertThat(SpanDetailLimit.upTo(1_000).variant()).isEmpty();
    assertThat(SpanDetailLimit.upTo(1_000).omittingAlways().variant()).isNotEmpty();
  }
}
