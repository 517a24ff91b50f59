package dev.workflowtracing.tracing.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

  private final Redactor redactor = new Redactor(RedactionSettings.builtIns(40, 100));

  @Test
  void builtInRulesReplaceSensitiveTextWithNamedMarkers() {
    assertThat(redactor.text("mail ada@example.com now")).isEqualTo("mail [REDACTED:email] now");
    assertThat(redactor.text("Authorization: Bearer eyJhbGciOi.payload.sig"))
        .isEqualTo("Authorization: [REDACTED:bearer]");
    assertThat(redactor.text("key sk-live-abcdef1234567890 and AKIAABCDEFGHIJKLMNOP"))
        .isEqualTo("key [REDACTED:api-key] and [REDACTED:api-key]");
    assertThat(redactor.text("api_key=abc123secret;")).isEqualTo("[REDACTED:api-key];");
    assertThat(redactor.text("card 4111 1111 1111 1111 ok"))
        .isEqualTo("card [REDACTED:credit-card] ok");
  }

  @Test
  void numbersThatFailTheLuhnCheckAreNotCards() {
    assertThat(redactor.text("order 1234 5678 9012 3456")).isEqualTo("order 1234 5678 9012 3456");
    assertThat(redactor.text("ts 1732500000000000")).isEqualTo("ts 1732500000000000");
  }

  @Test
  void attributesAreDroppedMaskedRedactedAndCapped() {
    Attributes attributes =
        Attributes.builder()
            .put("http.request.header.authorization", "Basic xyz")
            .put("db.password", "hunter2")
            .put("user.note", "write to bob@example.org")
            .put("long", "x".repeat(100))
            .put("count", 3L)
            .put(AttributeKey.stringArrayKey("to"), List.of("a@b.io", "plain"))
            .build();

    Attributes redacted = redactor.attributes(attributes, 40);

    assertThat(redacted.get(AttributeKey.stringKey("http.request.header.authorization"))).isNull();
    assertThat(redacted.get(AttributeKey.stringKey("db.password"))).isEqualTo("[REDACTED]");
    assertThat(redacted.get(AttributeKey.stringKey("user.note")))
        .isEqualTo("write to [REDACTED:email]");
    assertThat(redacted.get(AttributeKey.stringKey("long")))
        .isEqualTo("x".repeat(40) + "…[truncated 60 chars]");
    assertThat(redacted.get(AttributeKey.longKey("count"))).isEqualTo(3L);
    assertThat(redacted.get(AttributeKey.stringArrayKey("to")))
        .containsExactly("[REDACTED:email]", "plain");
  }

  @Test
  void attributesWithNothingToRedactAreKeptAsTheyAre() {
    Attributes attributes =
        Attributes.builder()
            .put("workflow.node.id", "ask")
            .put("gen_ai.prompt", "Write a one-line greeting for Ada.")
            .put("url.full", "http://localhost:8080/api/workflows")
            .put("count", 3L)
            .build();

    assertThat(redactor.attributes(attributes, 40)).isSameAs(attributes);
  }

  @Test
  void prefiltersNeverSkipATextTheirRuleMatches() {
    List<String> texts =
        List.of(
            "Authorization: BEARER abc.def",
            "x-auth: bEaReR token123",
            "API-KEY = abcdefgh",
            "apikey:'abcdefgh'",
            "Client_Secret: xyzxyz12",
            "access-token=abcdef123",
            "PASSWORD=hunter22",
            "sk_live_abcdefgh1234",
            "rk-abcdefgh12",
            "id AKIAABCDEFGHIJKLMNOP",
            "card 4111-1111-1111-1111",
            "card 4111 1111 1111 1111.",
            "4111111111111111",
            "ada@example.com",
            "no secrets here: just text",
            "http://localhost:8080/path?key=1");

    for (RedactionRule rule : BuiltInRules.ALL) {
      for (String text : texts) {
        if (rule.pattern().matcher(text).find()) {
          assertThat(rule.mayMatch().test(text)).as(rule.name() + " on " + text).isTrue();
        }
      }
    }
    assertThat(BuiltInRules.API_KEY.mayMatch().test("http://localhost:8080/api")).isFalse();
    assertThat(BuiltInRules.API_KEY.mayMatch().test("{\"outputTokens\": 23}")).isFalse();
    assertThat(BuiltInRules.BEARER.mayMatch().test("a bear ate her")).isFalse();
    assertThat(BuiltInRules.CREDIT_CARD.mayMatch().test("3f2a9c1e-1234-4a5b-9c8d-0123456789ab"))
        .isFalse();
  }

  @Test
  void jsonKeepsItsShapeWithTextRedactedAndMaskedKeysMasked() {
    JsonObject input =
        Json.createObjectBuilder()
            .add("email", "ada@example.com")
            .add("apiToken", "abc")
            .add("tokens", 23)
            .add("password", Json.createObjectBuilder().add("hint", "pet"))
            .add("nested", Json.createArrayBuilder().add("card 4111111111111111").add(7))
            .build();

    assertThat(redactor.json(input).toString())
        .isEqualTo(
            "{\"email\":\"[REDACTED:email]\",\"apiToken\":\"[REDACTED]\",\"tokens\":23,"
                + "\"password\":\"[REDACTED]\","
                + "\"nested\":[\"card [REDACTED:credit-card]\",7]}");
  }

  @Test
  void customRulesAreAddedAndBadOnesSayWhy() {
    RedactionRule rule = RedactionSettings.customRule("employee-id=EMP-\\d{6}");
    assertThat(rule.apply("by EMP-123456")).isEqualTo("by [REDACTED:employee-id]");
    assertThatThrownBy(() -> RedactionSettings.customRule("broken=("))
        .hasMessageContaining("not a valid regex");
    assertThatThrownBy(() -> RedactionSettings.customRule("no-equals"))
        .hasMessageContaining("must be name=regex");
  }

  @Test
  void disabledRedactionStillCapsLengths() {
    Redactor off =
        new Redactor(
            new RedactionSettings(false, List.of("x"), List.of("password"), List.of(), 5, 5));

    assertThat(
            off.attributes(Attributes.of(AttributeKey.stringKey("password"), "abcdefgh"), 5)
                .get(AttributeKey.stringKey("password")))
        .isEqualTo("abcde…[truncated 3 chars]");
  }
}
