package dev.workflowtracing.instrumentation.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowtracing.json.JsonText;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import org.junit.jupiter.api.Test;

/**
 * The short and alternative names of secrets with the default mask keys, in each form a review
 * planted them: a JSON key, a form body, a query string, an attribute, and prose. And what must
 * stay: words that merely contain a short key, counts, and a password field mentioned in prose.
 */
class ShortSecretsTest {

  private final Redactor redactor = new Redactor(RedactionSettings.builtIns(4096, 65_536));

  @Test
  void aPwKeyInJsonIsMaskedAtAnyDepth() {
    String redacted =
        redactor.text("{\"user\":\"ada\",\"pw\":\"Sup3rSecret!\",\"db\":{\"PWD\":\"x9y8z7\"}}");

    assertThat(redacted).doesNotContain("Sup3rSecret!", "x9y8z7").contains("\"user\":\"ada\"");
    assertThat(JsonText.parse(redacted).asJsonObject().getString("pw")).isEqualTo(Mask.TEXT);
  }

  @Test
  void aPwInAFormBodyOrAQueryStringIsMaskedAndTheOtherFieldsStay() {
    assertThat(redactor.text("user=ada&pw=Sup3rSecret!&remember=1"))
        .isEqualTo("user=ada&pw=" + Mask.TEXT + "&remember=1");
    assertThat(redactor.text("GET https://shop.example/login?user=ada&passwd=hunter22&next=/"))
        .isEqualTo("GET https://shop.example/login?user=ada&passwd=" + Mask.TEXT + "&next=/");
    // The api-key rule's assignment ends at the form's next field too.
    assertThat(redactor.text("client_id=app&client_secret=abc123def&grant_type=x"))
        .doesNotContain("abc123def")
        .startsWith("client_id=app&")
        .endsWith("&grant_type=x");
  }

  @Test
  void shortKeysMatchWholeWordsOfAKeyOnly() {
    Attributes redacted =
        redactor
            .span(
                io.opentelemetry.sdk.testing.trace.TestSpanData.builder()
                    .setName("s")
                    .setKind(io.opentelemetry.api.trace.SpanKind.INTERNAL)
                    .setStartEpochNanos(1)
                    .setEndEpochNanos(2)
                    .setHasEnded(true)
                    .setStatus(io.opentelemetry.sdk.trace.data.StatusData.unset())
                    .setAttributes(
                        Attributes.builder()
                            .put("user_pw", "a1b2c3")
                            .put("userPw", "d4e5f6")
                            .put("card.pin", "1234")
                            .put("upward", "sloping")
                            .put("pwm_level", "high")
                            .put("pin", 4L)
                            .put("passphrase", "correct horse battery staple")
                            .put("aws.access_key", "AK-like-value")
                            .build())
                    .build())
            .getAttributes();

    assertThat(redacted.get(AttributeKey.stringKey("user_pw"))).isEqualTo(Mask.TEXT);
    assertThat(redacted.get(AttributeKey.stringKey("userPw"))).isEqualTo(Mask.TEXT);
    assertThat(redacted.get(AttributeKey.stringKey("card.pin"))).isEqualTo(Mask.TEXT);
    assertThat(redacted.get(AttributeKey.stringKey("passphrase"))).isEqualTo(Mask.TEXT);
    assertThat(redacted.get(AttributeKey.stringKey("aws.access_key"))).isEqualTo(Mask.TEXT);
    assertThat(redacted.get(AttributeKey.stringKey("upward"))).isEqualTo("sloping");
    assertThat(redacted.get(AttributeKey.stringKey("pwm_level"))).isEqualTo("high");
    assertThat(redacted.get(AttributeKey.longKey("pin"))).isEqualTo(4L); // a number stays
  }

  @Test
  void aPasswordInProseIsMaskedAndTheWordsAroundItStay() {
    assertThat(redactor.text("The password is hunter2, keep it safe"))
        .isEqualTo("The password is [REDACTED:password], keep it safe");
    assertThat(redactor.text("login with password Sup3r!Pass please"))
        .isEqualTo("login with password [REDACTED:password] please");
    assertThat(redactor.text("her pw was tulips and more")).contains("pw was [REDACTED:password]");
    // Mentions of a password that give none stay as they are.
    assertThat(redactor.text("Click the password reset link"))
        .isEqualTo("Click the password reset link");
    assertThat(redactor.text("the password field is required"))
        .isEqualTo("the password field is required");
  }
}
