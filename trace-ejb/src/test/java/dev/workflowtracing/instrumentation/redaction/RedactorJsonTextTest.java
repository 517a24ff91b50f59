package dev.workflowtracing.instrumentation.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.workflowtracing.conventions.Artifacts;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Text that is JSON, holds JSON, or has JSON in it. */
class RedactorJsonTextTest {

  private static final String INPUTS =
      "{\"name\":{\"password\":\"hunter2-secret\"},\"key\":\"sk-proj-AbCdEf0123456789XyZ\"}";
  private static final String REDACTED_INPUTS =
      "{\"name\":{\"password\":\"[REDACTED]\"},\"key\":\"[REDACTED:openai-key]\"}";
  private static final String PROMPT =
      "Say hello to {\"password\":\"hunter2-secret\"} with key sk-proj-AbCdEf0123456789XyZ";
  private static final String REDACTED_PROMPT =
      "Say hello to {\"password\":\"[REDACTED]\"} with key [REDACTED:openai-key]";

  private final Redactor redactor = new Redactor(RedactionSettings.builtIns(4096, 65536));

  @Test
  void theReviewExampleIsRedactedAsTextAndAsJson() {
    assertThat(redactor.text(INPUTS)).isEqualTo(REDACTED_INPUTS);
    assertThat(redactor.json(parse(INPUTS)).toString()).isEqualTo(REDACTED_INPUTS);
    assertThat(redactor.text(PROMPT)).isEqualTo(REDACTED_PROMPT);
    // The LLM node's output holds the prompt in a string; its input artifact, the prompt escaped.
    JsonObject output = Json.createObjectBuilder().add("text", "You asked: " + PROMPT).build();
    assertThat(redactor.json(output).toString())
        .isEqualTo(
            Json.createObjectBuilder()
                .add("text", "You asked: " + REDACTED_PROMPT)
                .build()
                .toString());
    String input = Json.createObjectBuilder().add("prompt", PROMPT).build().toString();
    assertThat(redactor.text(input))
        .isEqualTo(Json.createObjectBuilder().add("prompt", REDACTED_PROMPT).build().toString());
  }

  @Test
  void theReviewExampleReachesNoExporterFromAttributesEventsOrStatus() {
    InMemorySpanExporter otlp = InMemorySpanExporter.create();
    var processor =
        new RedactingSpanProcessor(
            redactor,
            List.of(
                new RedactingSpanProcessor.Downstream("otlp", SimpleSpanProcessor.create(otlp))));
    SpanData data;
    try (var provider = SdkTracerProvider.builder().addSpanProcessor(processor).build()) {
      Span span =
          provider
              .get("test")
              .spanBuilder("llm ask")
              .setAttribute("workflow.run.inputs", INPUTS)
              .setAttribute("gen_ai.prompt", PROMPT)
              .setAttribute("url.full", "https://llm.example/v1?key=sk-proj-AbCdEf0123456789XyZ")
              .startSpan();
      Artifacts.record(
          span,
          "input",
          "application/json",
          Json.createObjectBuilder().add("prompt", PROMPT).build().toString());
      Artifacts.record(span, "prompt", "text/plain", PROMPT);
      Artifacts.record(span, "response", "text/plain", "You asked: \"" + PROMPT + "\".");
      Artifacts.record(span, "output", "application/json", INPUTS);
      span.recordException(new IllegalStateException("rejected: " + INPUTS));
      span.setStatus(StatusCode.ERROR, "bad key sk-proj-AbCdEf0123456789XyZ");
      span.end();
      // Closing the provider empties the exporter.
      data = otlp.getFinishedSpanItems().get(0);
    }

    String everything =
        data.getAttributes() + " " + data.getEvents() + " " + data.getStatus().getDescription();
    assertThat(everything)
        .doesNotContain("hunter2-secret", "AbCdEf0123456789XyZ")
        .contains("\"password\":\"[REDACTED]\"", "[REDACTED:openai-key]");
    assertThat(data.getEvents())
        .filteredOn(e -> "output".equals(e.getAttributes().get(Artifacts.KIND)))
        .singleElement()
        .satisfies(
            e -> assertThat(e.getAttributes().get(Artifacts.CONTENT)).isEqualTo(REDACTED_INPUTS));
  }

  @Test
  void maskKeysHideTheirValuesAtAnyDepthAndInArrays() {
    String text =
        "{\"a\":{\"b\":[{\"c\":{\"db_password\":\"p1\"}}]},"
            + "\"list\":[{\"token\":\"t\"},{\"apiKey\":{\"x\":\"y\"}},{\"secret\":[1,2]}],"
            + "\"tokens\":23,\"cookie\":true}";

    assertThat(redactor.text(text))
        .isEqualTo(
            "{\"a\":{\"b\":[{\"c\":{\"db_password\":\"[REDACTED]\"}}]},"
                + "\"list\":[{\"token\":\"[REDACTED]\"},{\"apiKey\":\"[REDACTED]\"},"
                + "{\"secret\":\"[REDACTED]\"}],\"tokens\":23,\"cookie\":true}");
    assertThat(
            redactor.text(
                "[{\"Authorization\":\"Basic dXNlcjpwYXNz\"},\"mail ada@example.com\","
                    + "4111111111111111]"))
        .isEqualTo(
            "[{\"Authorization\":\"[REDACTED]\"},\"mail [REDACTED:email]\","
                + "\"[REDACTED:credit-card]\"]");
  }

  @Test
  void jsonInsideJsonStringsIsRedactedAtEachLevel() {
    String inner = "{\"password\":\"hunter2\",\"n\":1}";
    String once = Json.createObjectBuilder().add("body", inner).build().toString();
    String twice = Json.createObjectBuilder().add("request", once).build().toString();

    assertThat(redactor.text(once))
        .isEqualTo("{\"body\":\"{\\\"password\\\":\\\"[REDACTED]\\\",\\\"n\\\":1}\"}");
    assertThat(redactor.text(twice)).doesNotContain("hunter2").contains("[REDACTED]");
    assertThat(parse(parse(parse(redactor.text(twice)).getString("request")).getString("body")))
        .isEqualTo(parse("{\"password\":\"[REDACTED]\",\"n\":1}"));
    // Prose holding JSON, inside a JSON string.
    assertThat(redactor.text("{\"log\":\"sent {\\\"token\\\":\\\"abc123\\\"} upstream\"}"))
        .isEqualTo("{\"log\":\"sent {\\\"token\\\":\\\"[REDACTED]\\\"} upstream\"}");
  }

  @Test
  void jsonInProseIsMaskedWhereItStands() {
    assertThat(redactor.text("got {\"user\":\"ada\",\"password\":\"hunter2\"} from the form"))
        .isEqualTo("got {\"user\":\"ada\",\"password\":\"[REDACTED]\"} from the form");
    // Escaped, as when a JSON string is logged raw.
    assertThat(redactor.text("error: {\\\"api_key\\\":\\\"abc\\\\\\\"def\\\",\\\"n\\\":2}"))
        .isEqualTo("error: {\\\"api_key\\\":\\\"[REDACTED]\\\",\\\"n\\\":2}");
  }

  @Test
  void jsonWithNothingToRedactIsTheSameTextAndRedactedJsonComesBackCompact() {
    String pretty = "{\n  \"model\": \"m1\",\n  \"usage\": {\"input_tokens\": 23}\n}";
    assertThat(redactor.text(pretty)).isSameAs(pretty);
    String plain = "[{\"id\": 1}, {\"id\": 2}]";
    assertThat(redactor.text(plain)).isSameAs(plain);
    JsonObject counts = parse("{\"max_tokens\":256,\"usage\":{\"total_tokens\":12}}");
    assertThat(redactor.json(counts)).isSameAs(counts);

    assertThat(redactor.text("{\n  \"token\": \"abc\",\n  \"n\": 1.50\n}"))
        .isEqualTo("{\"token\":\"[REDACTED]\",\"n\":1.50}");
  }

  @Test
  void escapesCannotHideAKeyOrAToken() {
    assertThat(redactor.text("{\"p\\u0061ssword\":\"hunter2\"}"))
        .isEqualTo("{\"password\":\"[REDACTED]\"}");
    assertThat(redactor.text("{\"k\":\"sk\\u002dproj-AbCdEf0123456789XyZ\"}"))
        .isEqualTo("{\"k\":\"[REDACTED:openai-key]\"}");
  }

  @Test
  void keysPassTheRulesToo() {
    assertThat(redactor.json(parse("{\"ada@example.com\":\"x\"}")).toString())
        .isEqualTo("{\"[REDACTED:email]\":\"x\"}");
  }

  @Test
  void textThatIsNotOnlyJsonFallsBackToTheTextRules() {
    // Trailing text (a reader would drop it), invalid JSON, a lone string.
    assertThat(redactor.text("{\"a\":1} then {\"token\":\"abc\"}"))
        .isEqualTo("{\"a\":1} then {\"token\":\"[REDACTED]\"}");
    assertThat(redactor.text("{\"password\":\"hunter2\",}"))
        .isEqualTo("{\"password\":\"[REDACTED]\",}");
    assertThat(redactor.text("\"token=abc123\"")).isEqualTo("\"token=[REDACTED]\"");
  }

  @Test
  void hostileJsonIsBoundedAndStillRedacted() {
    String deep = "[".repeat(5000) + "{\"password\":\"hunter2\"}" + "]".repeat(5000);
    String huge = "{\"pad\":\"" + "x".repeat(JsonText.MAX_LENGTH) + "\",\"password\":\"hunter2\"}";
    String unclosed = "{\"token\":" + "[".repeat(200_000) + "}";

    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          assertThat(redactor.text(deep)).doesNotContain("hunter2").contains("[REDACTED]");
          assertThat(redactor.text(huge)).doesNotContain("hunter2").endsWith("\"[REDACTED]\"}");
          assertThat(redactor.text(unclosed)).isEqualTo("{\"token\":\"[REDACTED]\"");
        });
    assertThat(JsonText.parse(deep)).isNull();
    assertThat(JsonText.parse(huge)).isNull();
  }

  private static JsonObject parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
