package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowtracing.it.OtlpReceiver.ReceivedSpan;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
 * Runs sample workflows over HTTP on a real WildFly with the built EAR, and checks that the same
 * span tree comes back from the trace API and reaches a real OTLP receiver.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WorkflowTracingIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
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

  @Test
  void aRunComesBackAsASpanTreeFromTheApiAndFromOtlp() {
    Api api = new Api(baseUrl);
    // Fresh ids each time: PostgreSQL keeps the traces of earlier test runs.
    String callerTrace = java.util.UUID.randomUUID().toString().replace("-", "");
    String callerSpan = callerTrace.substring(0, 16);

    Api.Answer run =
        api.post(
            "api/workflows/hello-llm/runs",
            "{\"inputs\": {\"name\": \"Ada\"}}",
            "traceparent",
            "00-" + callerTrace + "-" + callerSpan + "-01");

    assertThat(run.status()).isEqualTo(201);
    assertThat(run.object().getString("status")).isEqualTo("SUCCEEDED");
    assertThat(run.object().getString("traceId")).isEqualTo(callerTrace);

    // root + 3 nodes + 3 attempts
    JsonObject trace = awaitSpans(api, callerTrace, 7);
    Map<String, JsonObject> spans = byName(trace);
    JsonObject root = spans.get("run hello-llm");
    assertThat(root.getString("parentSpanId")).isEqualTo(callerSpan);
    assertThat(root.getInt("depth")).isZero();
    assertThat(attr(root, "workflow.run.id")).isEqualTo(run.object().getString("runId"));
    assertThat(spans.get("llm ask").getString("parentSpanId")).isEqualTo(root.getString("spanId"));
    JsonObject attempt = spans.get("ask attempt 1");
    assertThat(attempt.getString("parentSpanId"))
        .isEqualTo(spans.get("llm ask").getString("spanId"));
    assertThat(attempt.getString("kind")).isEqualTo("CLIENT");
    assertThat(attr(attempt, "gen_ai.system")).isEqualTo("simulated");
    assertThat(attr(attempt, "gen_ai.request.model")).isEqualTo("sim-small");
    assertThat(attempt.getJsonObject("attributes").getInt("gen_ai.usage.input_tokens"))
        .isPositive();
    assertThat(trace.getJsonObject("run").getInt("spanCount")).isEqualTo(7);

    // The same spans, with the same parents, reached the OTLP receiver.
    List<ReceivedSpan> received = awaitOtlp(callerTrace, 7);
    assertThat(received)
        .extracting(ReceivedSpan::spanId)
        .containsExactlyInAnyOrderElementsOf(
            trace.getJsonArray("spans").stream()
                .map(s -> s.asJsonObject().getString("spanId"))
                .toList());
    assertThat(received).allSatisfy(s -> assertThat(s.serviceName()).isEqualTo("workflow-tracing"));
    ReceivedSpan otlpRoot =
        received.stream()
            .filter(s -> s.span().getName().equals("run hello-llm"))
            .findFirst()
            .orElseThrow();
    assertThat(otlpRoot.parentSpanId()).isEqualTo(callerSpan);
  }

  @Test
  void aSpanHasItsArtifacts() {
    Api api = new Api(baseUrl);
    String traceId =
        api.post("api/workflows/hello-llm/runs", "{\"inputs\": {\"name\": \"Grace\"}}")
            .object()
            .getString("traceId");
    JsonObject attempt = byName(awaitSpans(api, traceId, 7)).get("ask attempt 1");

    JsonObject detail =
        api.get("api/traces/" + traceId + "/spans/" + attempt.getString("spanId")).object();

    assertThat(detail.getJsonArray("artifacts"))
        .extracting(a -> a.asJsonObject().getString("kind"))
        .containsExactly("prompt", "response");
    assertThat(detail.getJsonArray("artifacts").getJsonObject(0).getString("content"))
        .isEqualTo("Write a one-line greeting for Grace.");
  }

  @Test
  void retriesAreAttemptSpansAndTheirErrorsAreRecorded() {
    Api api = new Api(baseUrl);
    Api.Answer run =
        api.post("api/workflows/retry-then-succeed/runs", "{\"inputs\": {\"order\": 7}}");
    assertThat(run.object().getString("status")).isEqualTo("SUCCEEDED");

    // root + 3 nodes + 1 + 3 + 1 attempts
    Map<String, JsonObject> spans = byName(awaitSpans(api, run.object().getString("traceId"), 9));
    assertThat(spans.get("flaky attempt 1").getString("status")).isEqualTo("ERROR");
    assertThat(spans.get("flaky attempt 2").getString("status")).isEqualTo("ERROR");
    assertThat(spans.get("flaky attempt 3").getString("status")).isEqualTo("UNSET");
    assertThat(spans.get("flaky attempt 1").getJsonArray("events"))
        .anySatisfy(e -> assertThat(e.asJsonObject().getString("name")).isEqualTo("exception"));
    assertThat(spans.get("fail flaky").getJsonObject("attributes").getInt("workflow.node.attempts"))
        .isEqualTo(3);
  }

  @Test
  void exhaustedRetriesFailTheRunWithTheErrorOnTheNodeAndTheRoot() {
    Api api = new Api(baseUrl);
    Api.Answer run = api.post("api/workflows/always-fails/runs", "{}");

    assertThat(run.status()).isEqualTo(201);
    assertThat(run.object().getString("status")).isEqualTo("FAILED");
    assertThat(run.object().getString("error"))
        .startsWith("Node \"charge-card\" failed after 3 attempts");
    // root + 2 nodes + 1 + 3 attempts; "notify" never ran
    JsonObject trace = awaitSpans(api, run.object().getString("traceId"), 7);
    Map<String, JsonObject> spans = byName(trace);
    assertThat(spans).doesNotContainKey("llm notify");
    assertThat(spans.get("fail charge-card").getString("status")).isEqualTo("ERROR");
    assertThat(spans.get("run always-fails").getString("status")).isEqualTo("ERROR");
    assertThat(trace.getInt("errorCount")).isEqualTo(5);
    assertThat(trace.getJsonObject("run").getString("status")).isEqualTo("FAILED");
  }

  @Test
  void anHttpNodeSendsTheTraceOnWithTraceparent() {
    Api api = new Api(baseUrl);
    String url = "http://localhost:" + Integer.getInteger("it.otlp.port") + "/echo";
    Api.Answer run =
        api.post("api/workflows/http-call/runs", "{\"inputs\": {\"url\": \"" + url + "\"}}");
    assertThat(run.object().getString("status")).isEqualTo("SUCCEEDED");
    String traceId = run.object().getString("traceId");

    JsonObject attempt = byName(awaitSpans(api, traceId, 7)).get("call attempt 1");
    assertThat(otlp.echoHeaders())
        .anySatisfy(
            headers ->
                // The flags may also carry W3C level 2's random-trace-id bit: check "sampled" only.
                assertThat(headers.get("traceparent"))
                    .startsWith("00-" + traceId + "-" + attempt.getString("spanId") + "-")
                    .matches(".*-0[13]$"));
    assertThat(attempt.getJsonObject("attributes").getInt("http.response.status_code"))
        .isEqualTo(200);
  }

  @Test
  void anLlmNodeCanCallAnOpenAiCompatibleEndpointWithoutRecordingItsKey() {
    Api api = new Api(baseUrl);
    String id = "it-openai";
    api.put(
        "api/workflows/" + id,
        "{\"id\": \""
            + id
            + "\", \"nodes\": [{\"id\": \"ask\", \"type\": \"llm\", \"config\":"
            + " {\"provider\": \"openai\", \"model\": \"gpt-test\", \"prompt\": \"Say hi\"}}]}");

    Api.Answer run = api.post("api/workflows/" + id + "/runs", "{}");

    assertThat(run.object().getString("status")).isEqualTo("SUCCEEDED");
    assertThat(run.object().getJsonObject("outputs").getJsonObject("ask").getString("text"))
        .isEqualTo("Hello from the fake model");
    Map<String, String> request =
        otlp.echoHeaders().stream()
            .filter(h -> h.containsKey("body"))
            .reduce((a, b) -> b)
            .orElseThrow();
    assertThat(request.get("authorization")).isEqualTo("Bearer sk-test-secret-123");
    assertThat(request.get("body")).contains("\"model\":\"gpt-test\"", "Say hi");
    String traceId = run.object().getString("traceId");
    JsonObject attempt = byName(awaitSpans(api, traceId, 3)).get("ask attempt 1");
    JsonObject attributes = attempt.getJsonObject("attributes");
    assertThat(attributes.getString("gen_ai.system")).isEqualTo("openai");
    assertThat(attributes.getString("gen_ai.response.model")).isEqualTo("gpt-test-0613");
    assertThat(attributes.getInt("gen_ai.usage.input_tokens")).isEqualTo(11);
    assertThat(attributes.getInt("gen_ai.usage.output_tokens")).isEqualTo(7);
    assertThat(api.get("api/traces/" + traceId).text()).doesNotContain("sk-test-secret-123");
    assertThat(otlp.spansOf(traceId).toString()).doesNotContain("sk-test-secret-123");
  }

  private static JsonObject awaitSpans(Api api, String traceId, int count) {
    return api.await(
            "api/traces/" + traceId,
            a -> a.status() == 200 && a.object().getInt("spanCount") >= count,
            WAIT)
        .object();
  }

  private static List<ReceivedSpan> awaitOtlp(String traceId, int count) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (otlp.spansOf(traceId).size() < count && System.nanoTime() < deadline) {
      Api.sleep(100);
    }
    return otlp.spansOf(traceId);
  }

  static Map<String, JsonObject> byName(JsonObject trace) {
    return trace.getJsonArray("spans").stream()
        .map(JsonValue::asJsonObject)
        .collect(Collectors.toMap(s -> s.getString("name"), Function.identity()));
  }

  private static String attr(JsonObject span, String key) {
    return span.getJsonObject("attributes").getString(key);
  }
}
