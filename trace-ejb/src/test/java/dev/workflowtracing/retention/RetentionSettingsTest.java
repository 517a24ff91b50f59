package dev.workflowtracing.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RetentionSettingsTest {

  @Test
  void aSpanCapBelowTheMinimumStopsTheStartWithTheKeyNamed() {
    assertThatThrownBy(() -> new RetentionSettings(30, 5, 500, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "tracing.retention.max-spans must be 0 (no cap) or at least 10000 spans (got 5)");
    assertThatThrownBy(() -> new RetentionSettings(30, 5, 500, -1))
        .hasMessageContaining("tracing.retention.max-spans");
  }

  @Test
  void noCapOrACapAtTheMinimumIsAccepted() {
    assertThat(new RetentionSettings(0, 5, 500, 0).purges()).isFalse();
    assertThat(new RetentionSettings(0, 5, 500, 10_000).purges()).isTrue();
    assertThat(new RetentionSettings(30, 5, 500, 0).purges()).isTrue();
  }
}
