package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Redaction reaches all three places spans go (the OTLP payload, the database behind the API, the
 * API the Canvas reads); secrets in the configuration show nowhere; admins see the configuration
 * masked and the pipeline's health, purge old traces and delete one; bodies are size-capped.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RedactionAndAdminIT {

  private static final List<String> RAW_SECRETS =
      List.of(
          "ada@example.com",
          "4111 1111 1111 1111",
          "sk-live-0123456789abcdef",
          "eyJhbGciOiJIUzI1NiJ9",
          "hunter2");
  private static final List<String> CONFIG_SECRETS =
      List.of("collector-secret-4242", "sk-test-secret-123");

  private static OtlpReceiver otlp;

  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.builtEar();
  }

  @BeforeAll
  static void startReceiver() throws Exception {
    otlp = new OtlpReceiver(Integer.getInteger("it.otlp.port"));
  }

  @AfterAll
  static void stopReceiver() {
    otlp.close();
  }

  /**
   * The security review's example (issue 10): a password nested in the inputs and an sk-proj key
   * reach the prompt, the outputs, the artifacts and the OTLP export, and must be masked in all.
   */
  @Test
  void nestedPasswordsAndProviderKeysAreMaskedEverywhere() {
    Api api = new Api(baseUrl);
    Api.Answer run =
        api.post(
            "api/workflows/hello-llm/runs",
            "{\"inputs\": {\"name\": {\"password\": \"hunter2-secret\"},"
                + " \"key\": \"sk-proj-AbCdEf0123456789XyZ\"}}");
    assertThat(run.status()).isEqualTo(201);
    String traceId = run.object().getString("traceId");
    JsonObject trace = api.awaitComplete(traceId);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (otlp.spansOf(traceId).size() < trace.getInt("spanCount")
        && System.nanoTime() < deadline) {
      Api.sleep(100);
    }
    List<String> places = new java.util.ArrayList<>();
    places.add("POST response " + run.text());
    places.add("run " + api.get("api/runs/" + run.object().getString("runId")).text());
    places.add("trace " + api.get("api/traces/" + traceId).text());
    for (JsonValue span : trace.getJsonArray("spans")) {
      places.add(
          "span "
              + api.get(
                      "api/traces/" + traceId + "/spans/" + span.asJsonObject().getString("spanId"))
                  .text());
    }
    places.add("OTLP " + otlp.spansOf(traceId));
    assertThat(otlp.spansOf(traceId)).hasSize(trace.getInt("spanCount"));
    for (String place : places) {
      assertThat(place)
          .as("%s", place.substring(0, Math.min(40, place.length())))
          .doesNotContain("hunter2-secret")
          .doesNotContain("AbCdEf0123456789XyZ");
    }
    assertThat(String.join("\n", places)).contains("[REDACTED:openai-key]");
  }

  @Test
  void nothingUnredactedReachesOtlpTheDatabaseOrTheApi() {
    Api api = new Api(baseUrl);
    Api.Answer run =
        api.post(
            "api/workflows/redaction-demo/runs",
            "{\"inputs\": {\"email\": \"ada@example.com\", \"password\": \"hunter2\"}}");
    assertThat(run.status()).isEqualTo(201);
    String traceId = run.object().getString("traceId");
    JsonObject trace = api.awaitComplete(traceId);
    Map<String, String> spanIds =
        trace.getJsonArray("spans").stream()
            .map(JsonValue::asJsonObject)
            .collect(Collectors.toMap(s -> s.getString("name"), s -> s.getString("spanId")));
    Api.Answer attempt =
        api.get("api/traces/" + traceId + "/spans/" + spanIds.get("ask attempt 1"));
    Api.Answer node = api.get("api/traces/" + traceId + "/spans/" + spanIds.get("llm ask"));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (otlp.spansOf(traceId).size() < 3 && System.nanoTime() < deadline) {
      Api.sleep(100);
    }

    String prompt =
        attempt.object().getJsonArray("artifacts").getJsonObject(0).getString("content");
    assertThat(prompt)
        .contains(
            "[REDACTED:email]",
            "[REDACTED:credit-card]",
            "[REDACTED:api-key]",
            "[REDACTED:bearer]");
    assertThat(run.object().getJsonObject("inputs").getString("password")).isEqualTo("[REDACTED]");
    assertThat(otlp.spansOf(traceId)).hasSize(3);
    for (String place :
        List.of(
            "POST response " + run.text(),
            "run " + api.get("api/runs/" + run.object().getString("runId")).text(),
            "trace " + api.get("api/traces/" + traceId).text(),
            "attempt span " + attempt.text(),
            "node span " + node.text(),
            "run list " + api.get("api/traces?workflowId=redaction-demo").text(),
            "OTLP " + otlp.spansOf(traceId))) {
      for (String secret : RAW_SECRETS) {
        assertThat(place).as("%s leaks %s", place.substring(0, 12), secret).doesNotContain(secret);
      }
    }
  }

  @Test
  void adminsSeeTheConfigurationWithSecretsMaskedAndThePipelineHealth() throws Exception {
    Api api = new Api(baseUrl);
    api.post("api/workflows/hello-llm/runs", "{}");
    // Counters move when the batch processor exports (every 100 ms in the tests).
    Api.Answer answer =
        api.await(
            "api/admin/tracing",
            a ->
                a.object()
                        .getJsonObject("pipeline")
                        .getJsonArray("exporters")
                        .getJsonObject(1)
                        .getJsonNumber("exported")
                        .longValue()
                    > 0,
            Duration.ofSeconds(30));

    assertThat(answer.status()).isEqualTo(200);
    Map<String, JsonObject> settings =
        answer.object().getJsonArray("settings").stream()
            .map(JsonValue::asJsonObject)
            .collect(Collectors.toMap(s -> s.getString("key"), s -> s));
    assertThat(settings.get("otel.exporter.otlp.headers").getString("value")).isEqualTo("****");
    assertThat(settings.get("otel.exporter.otlp.headers").getBoolean("secret")).isTrue();
    assertThat(settings.get("workflow.llm.api-key").getString("value")).isEqualTo("****");
    assertThat(settings.get("tracing.enabled").getString("value")).isEqualTo("true");
    assertThat(settings.get("otel.bsp.schedule.delay").getString("value")).isEqualTo("100");
    JsonObject pipeline = answer.object().getJsonObject("pipeline");
    assertThat(pipeline.getBoolean("enabled")).isTrue();
    assertThat(pipeline.getJsonArray("exporters"))
        .extracting(e -> e.asJsonObject().getString("name"))
        .containsExactly("otlp", "database");
    assertThat(
            pipeline
                .getJsonArray("exporters")
                .getJsonObject(1)
                .getJsonNumber("exported")
                .longValue())
        .isPositive();
    assertThat(pipeline.getJsonArray("queues").getJsonObject(1).getInt("capacity"))
        .isEqualTo(65536);
    assertThat(
            pipeline
                .getJsonArray("queues")
                .getJsonObject(1)
                .getJsonNumber("capacityBytes")
                .longValue())
        .isEqualTo(64L << 20);

    // The OTLP headers are sent, but their value is in no answer and no log line.
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (otlp.exportHeaders().isEmpty() && System.nanoTime() < deadline) {
      Api.sleep(100);
    }
    assertThat(otlp.exportHeaders()).contains("collector-secret-4242");
    String log =
        Files.readString(
            Path.of(System.getProperty("it.target"), "it-server", "log", "server.log"));
    for (String secret : CONFIG_SECRETS) {
      assertThat(answer.text()).doesNotContain(secret);
      assertThat(log).as("server.log").doesNotContain(secret);
    }
  }

  @Test
  void adminsPauseAndResumeRecordingNewTracesAtRuntime() {
    Api api = new Api(baseUrl);
    try {
      Api.Answer paused = api.put("api/admin/tracing/recording", "{\"recording\": false}");
      assertThat(paused.status()).isEqualTo(200);
      assertThat(paused.object().getJsonObject("pipeline").getBoolean("recording")).isFalse();

      JsonObject untraced = api.post("api/workflows/hello-llm/runs", "{}").object();

      assertThat(untraced.getString("status")).isEqualTo("SUCCEEDED");
      assertThat(untraced.get("traceId")).isEqualTo(JsonValue.NULL);
    } finally {
      Api.Answer resumed = api.put("api/admin/tracing/recording", "{\"recording\": true}");
      assertThat(resumed.object().getJsonObject("pipeline").getBoolean("recording")).isTrue();
    }
    JsonObject traced = api.post("api/workflows/hello-llm/runs", "{}").object();
    assertThat(api.awaitComplete(traced.getString("traceId")).getInt("spanCount")).isEqualTo(7);
    ProblemResponsesIT.assertProblem(
        api.put("api/admin/tracing/recording", "{\"recording\": \"no\"}"), 400);
    ProblemResponsesIT.assertProblem(api.put("api/admin/tracing/recording", "{}"), 400);
  }

  @Test
  void retentionPurgesOldRunsWithTheirSpansAndAdminsDeleteOneTrace() {
    Api api = new Api(baseUrl);
    JsonObject old = api.post("api/workflows/hello-llm/runs", "{}").object();
    api.awaitComplete(old.getString("traceId"));
    Api.sleep(20);
    Instant cutoff = Instant.now();
    Api.sleep(20);
    JsonObject recent = api.post("api/workflows/hello-llm/runs", "{}").object();
    api.awaitComplete(recent.getString("traceId"));

    Api.Answer purge = api.post("api/admin/retention?olderThan=" + cutoff, "");

    assertThat(purge.status()).isEqualTo(200);
    assertThat(purge.object().getInt("deletedRuns")).isPositive();
    assertThat(api.get("api/traces/" + old.getString("traceId")).status()).isEqualTo(404);
    assertThat(api.get("api/runs/" + old.getString("runId")).status()).isEqualTo(404);
    assertThat(api.get("api/traces/" + recent.getString("traceId")).object().getInt("spanCount"))
        .isEqualTo(7);

    assertThat(api.delete("api/traces/" + recent.getString("traceId")).status()).isEqualTo(204);
    assertThat(api.get("api/traces/" + recent.getString("traceId")).status()).isEqualTo(404);
    assertThat(api.delete("api/traces/" + recent.getString("traceId")).status()).isEqualTo(404);
    ProblemResponsesIT.assertProblem(api.post("api/admin/retention?olderThan=soon", ""), 400);
  }

  @Test
  void theSpanCapPurgesTheOldestEndedRunsFirst() {
    Api api = new Api(baseUrl);
    // What no run owns stays (spans of runs purged or deleted before their last spans were
    // stored): purge every run, then count what is left once no more spans arrive.
    assertThat(api.post("api/admin/retention?olderThan=" + Instant.now(), "").status())
        .isEqualTo(200);
    long unowned = -2;
    for (int i = 0; i < 20 && unowned != storedSpans(api); i++) {
      unowned = storedSpans(api);
      Api.sleep(1_500); // longer than the span processor's batch delay
    }
    List<JsonObject> runs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      JsonObject run = api.post("api/workflows/hello-llm/runs", "{}").object();
      api.awaitComplete(run.getString("traceId"));
      runs.add(run);
      Api.sleep(5);
    }
    // Room for the three newest runs' spans (7 each): the store keeps those and nothing older.
    Api.Answer purge = api.post("api/admin/retention?maxSpans=" + (unowned + 21), "");

    assertThat(purge.status()).as(purge.text()).isEqualTo(200);
    assertThat(purge.object().getJsonNumber("evictedSpans").longValue()).isEqualTo(14);
    for (JsonObject gone : runs.subList(0, 2)) {
      assertThat(api.get("api/runs/" + gone.getString("runId")).status()).isEqualTo(404);
      assertThat(api.get("api/traces/" + gone.getString("traceId")).status()).isEqualTo(404);
    }
    for (JsonObject kept : runs.subList(2, 5)) {
      assertThat(api.get("api/traces/" + kept.getString("traceId")).object().getInt("spanCount"))
          .isEqualTo(7);
    }
    assertThat(api.metric("workflow_tracing_retention_spans_evicted_total"))
        .isGreaterThanOrEqualTo(14);
    ProblemResponsesIT.assertProblem(api.post("api/admin/retention?maxSpans=-1", ""), 400);
    ProblemResponsesIT.assertProblem(api.post("api/admin/retention", ""), 400);
  }

  private static long storedSpans(Api api) {
    assertThat(api.post("api/admin/retention?maxSpans=" + Long.MAX_VALUE, "").status())
        .isEqualTo(200);
    return api.metric("workflow_tracing_retention_stored_spans");
  }

  @Test
  void oversizedBodiesAreRefusedWith413() {
    Api api = new Api(baseUrl);
    String big = "{\"inputs\": {\"text\": \"" + "x".repeat(1_100_000) + "\"}}";

    ProblemResponsesIT.assertProblem(api.post("api/workflows/hello-llm/runs", big), 413);
  }
}
