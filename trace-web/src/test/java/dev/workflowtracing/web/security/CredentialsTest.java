package dev.workflowtracing.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CredentialsTest {

  @Test
  void basicAndBearerAreRead() {
    String basic =
        "Basic " + Base64.getEncoder().encodeToString("ada:pa:ss".getBytes(StandardCharsets.UTF_8));
    assertThat(Credentials.fromHeader(basic)).isEqualTo(new Credentials.Basic("ada", "pa:ss"));
    assertThat(Credentials.fromHeader("bearer  wt_abc "))
        .isEqualTo(new Credentials.Bearer("wt_abc"));
  }

  @Test
  void anythingElseIsMalformedAndSaysWhatToSend() {
    assertThat(Credentials.fromHeader("Basic !!!")).isInstanceOf(Credentials.Malformed.class);
    assertThat(
            Credentials.fromHeader(
                "Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes())))
        .isInstanceOf(Credentials.Malformed.class);
    assertThat(Credentials.fromHeader("Bearer ")).isInstanceOf(Credentials.Malformed.class);
    assertThat(Credentials.fromHeader("Negotiate abc"))
        .isInstanceOfSatisfying(
            Credentials.Malformed.class, m -> assertThat(m.why()).contains("scheme"));
    assertThat(Credentials.fromHeader("Bearer " + "x".repeat(5000)))
        .isInstanceOfSatisfying(
            Credentials.Malformed.class, m -> assertThat(m.why()).contains("longer than"));
  }
}
