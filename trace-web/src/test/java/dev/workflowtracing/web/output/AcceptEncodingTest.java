package dev.workflowtracing.web.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcceptEncodingTest {

  @Test
  void readsAcceptEncodingWithItsWeights() {
    assertThat(AcceptEncoding.accepts("gzip, deflate, br", "gzip")).isTrue();
    assertThat(AcceptEncoding.accepts("br;q=1.0, GZIP;q=0.5", "gzip")).isTrue();
    assertThat(AcceptEncoding.accepts("gzip;q=0", "gzip")).isFalse();
    assertThat(AcceptEncoding.accepts("gzip; q=0.000", "gzip")).isFalse();
    assertThat(AcceptEncoding.accepts("*", "gzip")).isTrue();
    assertThat(AcceptEncoding.accepts("identity", "gzip")).isFalse();
    assertThat(AcceptEncoding.accepts(null, "gzip")).isFalse();
  }
}
