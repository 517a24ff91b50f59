package dev.workflowtracing.instrumentation.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per key format; every key here is made up in the format's shape. */
class BuiltInRulesTest {

  private final Redactor redactor = new Redactor(RedactionSettings.builtIns(4096, 65536));

  @Test
  void openAiProjectServiceAccountAdminAndLegacyKeys() {
    assertThat(redactor.text("key sk-proj-AbCdEf0123456789XyZ rejected"))
        .isEqualTo("key [REDACTED:openai-key] rejected");
    assertThat(
            redactor.text(
                "https://proxy.example/v1?key=sk-proj-4fQ2Lr8TzW1nB7kYp3Hc6Vd0Xs5Gm9Ja_Ue2-Rt&x=1"))
        .isEqualTo("https://proxy.example/v1?key=[REDACTED:openai-key]&x=1");
    assertThat(redactor.text("sk-svcacct-Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk"))
        .isEqualTo("[REDACTED:openai-key]");
    assertThat(redactor.text("(sk-admin-Zx8Cv6Bn4Mq2Wl0Ek9Rj7Th5)"))
        .isEqualTo("([REDACTED:openai-key])");
    assertThat(redactor.text("old 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"))
        .isEqualTo("old [REDACTED:openai-key]");
    assertThat(redactor.text("the task-proj-AbCdEf0123456789XyZ board"))
        .isEqualTo("the task-proj-AbCdEf0123456789XyZ board");
  }

  @Test
  void anthropicKeys() {
    assertThat(redactor.text("x-api-key sk-ant-api03-Xy7_Kp2Lm9Nq4Rs6Tv8Wx0Za1Bc3De5Fg-Hj9AA"))
        .isEqualTo("x-api-key [REDACTED:anthropic-key]");
    assertThat(redactor.text("sk-ant-admin01-Qm4Rn8Sp2Tq6Ur0Vs4Wt8Xu2Yv6"))
        .isEqualTo("[REDACTED:anthropic-key]");
  }

  @Test
  void awsAccessKeyIds() {
    assertThat(redactor.text("aws_access_key_id AKIAIOSFODNN7EXAMPLE, region eu-west-1"))
        .isEqualTo("aws_access_key_id [REDACTED:aws-access-key], region eu-west-1");
    assertThat(redactor.text("session ASIAQ3EXAMPLE7K2M4PZ"))
        .isEqualTo("session [REDACTED:aws-access-key]");
    // 21 characters: no key id.
    assertThat(redactor.text("AKIAIOSFODNN7EXAMPLEX")).isEqualTo("AKIAIOSFODNN7EXAMPLEX");
  }

  @Test
  void gitHubTokens() {
    assertThat(redactor.text("export GH_PAT=ghp_R8x2Kf9LmQ4wZ7vB1nT6yH3jD5sA0cE9gU2p"))
        .isEqualTo("export GH_PAT=[REDACTED:github-token]");
    assertThat(redactor.text("gho_Zq8Lw3Nx7Kv2Mb6Tc1Rj9Hf4Yd0Gs5Pe8Ua3i"))
        .isEqualTo("[REDACTED:github-token]");
    for (String prefix : new String[] {"ghu_", "ghs_", "ghr_"}) {
      assertThat(redactor.text(prefix + "Zq8Lw3Nx7Kv2Mb6Tc1Rj9Hf4Yd0Gs5Pe8Ua3i"))
          .isEqualTo("[REDACTED:github-token]");
    }
    assertThat(
            redactor.text(
                "GH github_pat_11AQRXW3Y0abcdEFGHijklMN_opQRstUVwxYZ0123456789abcdefGHIJKLmnop"))
        .isEqualTo("GH [REDACTED:github-token]");
    assertThat(redactor.text("ghp_short")).isEqualTo("ghp_short");
  }

  @Test
  void slackTokens() {
    for (String kind : new String[] {"xoxb", "xoxp", "xoxa", "xoxr", "xoxs"}) {
      assertThat(redactor.text("slack " + kind + "-1234567890-1234567890123-AbCdEfGhIjKlMnOp"))
          .isEqualTo("slack [REDACTED:slack-token]");
    }
    assertThat(redactor.text("xapp-1-A0123BCDEF-1234567890123-abcdef0123456789"))
        .isEqualTo("[REDACTED:slack-token]");
  }

  @Test
  void jsonWebTokens() {
    String jwt =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwiaWF0IjoxNTE2MjM5MDIyfQ"
            + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
    assertThat(redactor.text("session=" + jwt + "; Path=/"))
        .isEqualTo("session=[REDACTED:jwt]; Path=/");
    // Unsigned: the third part is empty.
    assertThat(redactor.text("id eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0. ok"))
        .isEqualTo("id [REDACTED:jwt] ok");
    assertThat(redactor.text("version 1.2.3 of eyJ")).isEqualTo("version 1.2.3 of eyJ");
  }

  @Test
  void pemPrivateKeyBlocks() {
    String pem =
        "-----BEGIN RSA PRIVATE KEY-----\n"
            + "MIIEowIBAAKCAQEA7bq3kF0rXvJ2l5Qm8wzN4uYd9sH1pT6cG2eR0aL7oV3xW9yK\n"
            + "u5Zf8Jm2Nn4Bq6Cs1Dt3Eu5Fv7Gw9Hx0Iy2Jz4Ka6Lb8Mc0Nd2Oe4Pf6Qg8Rh0Si==\n"
            + "-----END RSA PRIVATE KEY-----";
    assertThat(redactor.text("config:\n" + pem + "\nend"))
        .isEqualTo("config:\n[REDACTED:private-key]\nend");
    assertThat(
            redactor.text(
                "-----BEGIN OPENSSH PRIVATE KEY-----\r\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\r\n"
                    + "-----END OPENSSH PRIVATE KEY-----"))
        .isEqualTo("[REDACTED:private-key]");
    // As a JSON string seen as text: escaped line breaks.
    assertThat(
            redactor.text(
                "key=\"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0B\\n"
                    + "-----END PRIVATE KEY-----\\n\" rest"))
        .isEqualTo("key=\"[REDACTED:private-key]\\n\" rest");
    // Cut off before its END line: the body still goes.
    assertThat(redactor.text("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nu\n"))
        .isEqualTo("[REDACTED:private-key]");
    // Encrypted (legacy headers) and PGP blocks.
    assertThat(
            redactor.text(
                "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
                    + "DEK-Info: AES-128-CBC,3F17F5316E2BAC89\n\nhZ9aVvFm0cWcEp1o\n"
                    + "-----END RSA PRIVATE KEY----- ok"))
        .isEqualTo("[REDACTED:private-key] ok");
    assertThat(
            redactor.text(
                "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBF0=\n=Ab1c\n"
                    + "-----END PGP PRIVATE KEY BLOCK-----"))
        .isEqualTo("[REDACTED:private-key]");
    assertThat(redactor.text("-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0C\n"))
        .isEqualTo("-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0C\n");
  }

  @Test
  void otherPrefixedKeysStayApiKeys() {
    assertThat(redactor.text("sk-live-abcdef1234567890 pk_test_abcdefgh1234"))
        .isEqualTo("[REDACTED:api-key] [REDACTED:api-key]");
    assertThat(redactor.text("sk-or-v1-0a1b2c3d4e5f60718293a4b5c6d7e8f9"))
        .isEqualTo("[REDACTED:api-key]");
  }

  @Test
  void aTokenRightAfterAnEscapedLineBreakIsFound() {
    assertThat(
            redactor.text(
                "line one\\nsk-proj-AbCdEf0123456789XyZ\\tghp_R8x2Kf9LmQ4wZ7vB1nT6yH3jD5sA0cE9gU2p"))
        .isEqualTo("line one\\n[REDACTED:openai-key]\\t[REDACTED:github-token]");
  }

  @Test
  void hostileTextCostsOnePassPerRule() {
    // Each is quadratic for a regex that retries a long run from every position.
    List<String> texts =
        List.of(
            "-----BEGIN PRIVATE KEY-----\"".repeat(10_000),
            "-----BEGIN PRIVATE KEY-----\n" + "QUJDRA==\n".repeat(30_000),
            "eyJ-".repeat(60_000),
            "a".repeat(200_000) + "@",
            "sk-a-".repeat(40_000),
            "ghp_".repeat(50_000),
            "xoxb-".repeat(40_000));

    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          for (String text : texts) {
            redactor.text(text);
          }
        });
    assertThat(redactor.text("-----BEGIN PRIVATE KEY-----\n" + "QUJDRA==\n".repeat(30_000)))
        .isEqualTo("[REDACTED:private-key]");
  }
}
