package dev.workflowtracing.instrumentation.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyValueMaskerTest {

  private final KeyValueMasker masker =
      new KeyValueMasker(new MaskKeys(RedactionSettings.builtIns(1, 1).maskKeys()));

  @Test
  void assignmentsKeepTheirKeyAndLoseTheirValue() {
    assertThat(masker.mask("GET /login?user=ada&password=hunter2&next=/"))
        .isEqualTo("GET /login?user=ada&password=[REDACTED]&next=/");
    assertThat(masker.mask("refresh_token: abc123 expired"))
        .isEqualTo("refresh_token: [REDACTED] expired");
    assertThat(masker.mask("DB_PASSWORD = \"correct horse battery\"; port=5432"))
        .isEqualTo("DB_PASSWORD = \"[REDACTED]\"; port=5432");
    assertThat(masker.mask("{'client_secret': 'x y z'}"))
        .isEqualTo("{'client_secret': '[REDACTED]'}");
  }

  @Test
  void anAuthorizationSchemeGoesWithItsCredential() {
    assertThat(masker.mask("Authorization: Basic dXNlcjpwYXNz\nAccept: */*"))
        .isEqualTo("Authorization: [REDACTED]\nAccept: */*");
    assertThat(masker.mask("Cookie: session=abc; theme=dark"))
        .isEqualTo("Cookie: [REDACTED]; theme=dark");
  }

  @Test
  void jsonPairsKeepTheirQuotesEscapedOrNot() {
    assertThat(masker.mask("to {\"name\":{\"password\":\"hunter2-secret\"}} now"))
        .isEqualTo("to {\"name\":{\"password\":\"[REDACTED]\"}} now");
    assertThat(masker.mask("{\\\"token\\\": \\\"t0k\\\", \\\"n\\\": 1}"))
        .isEqualTo("{\\\"token\\\": \\\"[REDACTED]\\\", \\\"n\\\": 1}");
    // An object or array under a mask key goes whole, as a string.
    assertThat(masker.mask("x {\"secret\": {\"a\": [\"}\", 2]}, \"b\": 1}"))
        .isEqualTo("x {\"secret\": \"[REDACTED]\", \"b\": 1}");
    assertThat(masker.mask("{\\\"api_key\\\":[\\\"k1\\\",\\\"k2\\\"]}"))
        .isEqualTo("{\\\"api_key\\\":\\\"[REDACTED]\\\"}");
    // Cut off inside the value: the rest goes.
    assertThat(masker.mask("{\"password\":\"hunter2")).isEqualTo("{\"password\":\"[REDACTED]");
  }

  @Test
  void countsAndMaskedValuesStay() {
    String counts = "input_tokens: 23, max_tokens=256, \"total_tokens\": 12, \"token_ok\": true";
    assertThat(masker.mask(counts)).isSameAs(counts);
    String masked = "token: [REDACTED:jwt], \"password\":\"[REDACTED]\"";
    assertThat(masker.mask(masked)).isSameAs(masked);
    // A quoted number is text: only a bare one is a count.
    assertThat(masker.mask("{\"password\":\"123456\"}")).isEqualTo("{\"password\":\"[REDACTED]\"}");
  }

  @Test
  void theMaskKeysComeFromTheSettings() {
    Redactor custom =
        new Redactor(
            new RedactionSettings(true, List.of(), List.of("ssn"), BuiltInRules.ALL, 4096, 65536));

    assertThat(custom.text("patient_ssn=123-45-6789 password=hunter2"))
        .isEqualTo("patient_ssn=[REDACTED] [REDACTED:api-key]");
    assertThat(custom.text("note {\"SSN\": \"123-45-6789\", \"secret\": \"s\"}"))
        .isEqualTo("note {\"SSN\": \"[REDACTED]\", \"secret\": \"s\"}");
    assertThat(new KeyValueMasker(new MaskKeys(List.of())).mask("password=hunter2"))
        .isEqualTo("password=hunter2");
  }

  @Test
  void hostileTextTakesLinearTime() {
    String keys = "token".repeat(200_000) + "! :x";
    String pairs = "a:".repeat(200_000) + "password";
    String quotes = "\"".repeat(200_000) + ":password=x";

    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          assertThat(masker.mask(keys)).isSameAs(keys);
          assertThat(masker.mask(pairs)).isSameAs(pairs);
          assertThat(masker.mask(quotes)).endsWith(":password=[REDACTED]");
        });
  }
}
