package dev.workflowtracing.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TracingSettingsTest {

  @Test
  void aBoundInBytesBelowOneMebibyteStopsTheStartWithTheKeyNamed() {
    assertThatThrownBy(() -> TracingSettings.atLeastOneMebibyte("tracing.queue.max-bytes", 1000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tracing.queue.max-bytes must be at least 1048576 bytes (got 1000)");
    assertThat(TracingSettings.atLeastOneMebibyte("tracing.queue.max-bytes", 1 << 20))
        .isEqualTo(1 << 20);
  }
}
