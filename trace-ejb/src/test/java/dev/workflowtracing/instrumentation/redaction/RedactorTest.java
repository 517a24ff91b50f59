package dev.workflowtracing.instrumentation.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactorTest {

  private final Redactor redactor = new Redactor(RedactionSettings.builtIns(40, 100));

  @Test
  void builtInRulesReplaceSensitiveTextWithNamedMarkers() {
    assertThat(redactor.text("mail ada@example.com now")).isEqualTo("mail [REDACTED:email] now");
    assertThat(redactor.text("Authorization: Bearer eyJhbGciOi.payload.sig"))
        .isEqualTo("Authorization: [REDACTED:bearer]");
    assertThat(redactor.text("key sk-live-abcdef1234567890 and AKIAABCDEFGHIJKLMNOP"))
        .isEqualTo("key [REDACTED:api-key] and [REDACTED:aws-access-key]");
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
  void cardsAreFoundAsTheyAreWrittenAndNotInsideIds() {
    // A run id whose first three groups are digits that pass the Luhn check (it failed a test so).
    String runId = "12450311-0277-4716-964e-ee35e04d6a44";
    assertThat(BuiltInRules.luhnValid("124503110277" + "4716")).isTrue();
    assertThat(redactor.text("run " + runId)).isEqualTo("run " + runId);
    assertThat(redactor.text("id 4111111111111111-7")).isEqualTo("id 4111111111111111-7");
    assertThat(redactor.text("amex 3782 822463 10005, diners 3056 930902 5904"))
        .isEqualTo("amex [REDACTED:credit-card], diners [REDACTED:credit-card]");
    assertThat(redactor.text("mixed 4111-1111 1111-1111")).isEqualTo("mixed 4111-1111 1111-1111");
    assertThat(redactor.text("(4111-1111-1111-1111)")).isEqualTo("([REDACTED:credit-card])");
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
    List<String> samples =
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
            "sk-or-v1-0a1b2c3d4e5f6071",
            "id AKIAABCDEFGHIJKLMNOP",
            "ASIAQ3EXAMPLE7K2M4PZ",
            "key sk-proj-AbCdEf0123456789XyZ",
            "sk-svcacct-Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk",
            "sk-admin-Zx8Cv6Bn4Mq2Wl0Ek9Rj7Th5",
            "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",
            "sk-ant-api03-Xy7_Kp2Lm9Nq4Rs6Tv8Wx0Za1Bc3De5Fg-Hj",
            "ghp_R8x2Kf9LmQ4wZ7vB1nT6yH3jD5sA0cE9gU2p",
            "(ghr_Zq8Lw3Nx7Kv2Mb6Tc1Rj9Hf4Yd0Gs5Pe8Ua3i)",
            "github_pat_11AQRXW3Y0abcdEFGHijklMN_opQRstUVwxYZ0123",
            "xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOp",
            "xoxs-1234567890-abcdefghij",
            "xapp-1-A0123BCDEF-1234567890123-abcdef",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl",
            "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----",
            "-----BEGIN OPENSSH PRIVATE KEY-----\r\nb3Blbn",
            "line\\nsk-proj-AbCdEf0123456789XyZ",
            "card 4111-1111-1111-1111",
            "card 4111 1111 1111 1111.",
            "4111111111111111",
            "ada@example.com",
            "no secrets here: just text",
            "http://localhost:8080/path?key=1",
            "{\"password\":\"hunter2\"}",
            "say {\\\"api_key\\\": \\\"abc\\\"}",
            "Cookie: session=abc",
            "the password is hunter2",
            "PW Sup3r!pass",
            "user=ada&pw=Fo4m99&x=1",
            "input_tokens: 23");
    List<String> texts = new ArrayList<>();
    for (String sample : samples) {
      // Case changes, and the text inside a JSON string, escaped as it then is.
      texts.addAll(
          List.of(
              sample,
              sample.toUpperCase(Locale.ROOT),
              sample.toLowerCase(Locale.ROOT),
              Json.createValue(sample).toString()));
    }
    KeyValueMasker keyValues =
        new KeyValueMasker(new MaskKeys(RedactionSettings.builtIns(1, 1).maskKeys()));
    Set<String> matched = new HashSet<>();

    for (String text : texts) {
      for (RedactionRule rule : BuiltInRules.ALL) {
        if (rule.pattern().matcher(text).find()) {
          matched.add(rule.name());
          assertThat(rule.mayMatch().test(text)).as(rule.name() + " on " + text).isTrue();
        }
      }
      if (!keyValues.maskPairs(text).equals(text)) {
        assertThat(keyValues.mayMatch(text)).as("key/value masking on " + text).isTrue();
      }
    }
    // Every rule was checked on texts it matches.
    assertThat(matched)
        .containsExactlyInAnyOrderElementsOf(
            BuiltInRules.ALL.stream().map(RedactionRule::name).toList());
    assertThat(BuiltInRules.API_KEY.mayMatch().test("http://localhost:8080/api")).isFalse();
    assertThat(BuiltInRules.API_KEY.mayMatch().test("{\"outputTokens\": 23}")).isFalse();
    assertThat(BuiltInRules.BEARER.mayMatch().test("a bear ate her")).isFalse();
    assertThat(BuiltInRules.CREDIT_CARD.mayMatch().test("3f2a9c1e-1234-4a5b-9c8d-0123456789ab"))
        .isFalse();
    assertThat(BuiltInRules.GITHUB_TOKEN.mayMatch().test("snake_case_name high_gh_x")).isFalse();
    assertThat(BuiltInRules.SLACK_TOKEN.mayMatch().test("2024-01-01 xox")).isFalse();
    assertThat(BuiltInRules.JWT.mayMatch().test("Write a one-line greeting for Ada.")).isFalse();
    assertThat(BuiltInRules.PRIVATE_KEY.mayMatch().test("-----BEGIN PUBLIC KEY-----")).isFalse();
    assertThat(keyValues.mayMatch("http://localhost:8080/api/workflows")).isFalse();
    assertThat(keyValues.mayMatch("a password without a separator")).isFalse();
  }

  @Test
  void theJsonPrefilterNeverSkipsAJsonTextWhoseKeysWouldMaskSomething() {
    List<String> words = RedactionSettings.builtIns(1, 1).maskKeys();
    MaskKeys maskKeys = new MaskKeys(words);
    // Mask keys only, no rules: what changes is what the keys change.
    Redactor keysOnly =
        new Redactor(new RedactionSettings(true, List.of(), words, List.of(), 9, 9));
    List<String> texts =
        List.of(
            "{\"password\":\"x\"}",
            "{\"Password\" : {\"a\": 1}}",
            "[{\"refresh_token\":[1]}]",
            "{\"n\":{\"m\":[{\"db_PASSWORD\": \"x\"}]}}",
            "{\"log\":\"token=abc\"}",
            "{\"log\":\"sent {\\\"password\\\":\\\"x\\\"}\"}",
            "{\"body\":\"{\\\"token\\\": \\\"t\\\"}\"}",
            "{\"pass\\\"word\":\"x\"}",
            "{\"tokens\": 23, \"password\": null, \"text\": \"no pair here\"}",
            "{\"inputTokens\":9,\"outputTokens\":18,\"text\":\"a token\"}",
            "{\"a\": \"b\"}");
    int changed = 0;
    for (String text : texts) {
      JsonValue parsed = Json.createReader(new StringReader(text)).readValue();
      if (!keysOnly.json(parsed).equals(parsed)) {
        changed++;
        assertThat(JsonText.mayMask(text, maskKeys)).as(text).isTrue();
      }
    }
    // Eight: the key pass"word holds the word "pass", a short mask key matched as a word.
    assertThat(changed).isEqualTo(8);
    assertThat(JsonText.mayMask("{\"inputTokens\":9,\"outputTokens\":18}", maskKeys)).isFalse();
    assertThat(JsonText.mayMask("{\"model\":\"m1\",\"text\":\"a token\"}", maskKeys)).isFalse();
    // Not JSON outside its strings: only the text rules can tell.
    assertThat(JsonText.mayMask("{'password': 'x'}", maskKeys)).isTrue();
    assertThat(JsonText.mayMask("{password: x}", maskKeys)).isTrue();
  }

  @Test
  void builtInPatternsAreChosenByNameInTheirOwnOrder() {
    assertThat(RedactionSettings.builtInRules(List.of("jwt", "no-such-rule", "email")))
        .extracting(RedactionRule::name)
        .containsExactly("email", "jwt");
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
