package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs accepted with {@code Prefer: respond-async} (RFC 7240): 202 at once with the run QUEUED,
 * executed from the run queue (Jakarta Messaging, embedded ActiveMQ Artemis) by a message-driven
 * bean, in one trace with the caller's span and the producer span.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AsyncRunIT {

  // A new caller trace each time: the PostgreSQL pass's database keeps the runs of earlier passes.
  private static final String CALLER_TRACE =
      java.util.UUID.randomUUID().toString().replace("-", "");
  private static final String CALLER_SPAN = "00f067aa0ba902b7";

  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.builtEar();
  }

  @Test
  void anAsynchronousRunIsAcceptedAtOnceAndRunsFromTheQueueInTheCallersTrace() {
    Api api = new Api(baseUrl);
    Api.Answer accepted =
        api.post(
            "api/workflows/hello-llm/runs",
            "{\"inputs\": {\"name\": \"Ada\"}}",
            "Prefer",
            "respond-async",
            "traceparent",
            "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01");

    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.object().getString("status")).isEqualTo("QUEUED");
    String runId = accepted.object().getString("runId");
    JsonObject run =
        api.await(
                "api/runs/" + runId,
                a -> a.status() == 200 && "SUCCEEDED".equals(a.object().getString("status")),
                Duration.ofSeconds(30))
            .object();
    assertThat(run.getString("traceId")).isEqualTo(CALLER_TRACE);

    JsonObject trace = api.awaitComplete(CALLER_TRACE);
    Map<String, JsonObject> spans =
        trace.getJsonArray("spans").stream()
            .map(JsonValue::asJsonObject)
            .collect(Collectors.toMap(s -> s.getString("name"), s -> s));
    JsonObject producer = spans.get("enqueue run hello-llm");
    JsonObject root = spans.get("run hello-llm");
    assertThat(producer.getString("kind")).isEqualTo("PRODUCER");
    assertThat(producer.getString("parentSpanId")).isEqualTo(CALLER_SPAN);
    assertThat(root.getString("parentSpanId")).isEqualTo(producer.getString("spanId"));
    assertThat(root.getString("role")).isEqualTo("run");
    assertThat(trace.getJsonObject("completeness").getBoolean("complete")).isTrue();
  }

  @Test
  void manyQueuedRunsAllEndAndTheQueueDrains() {
    Api api = new Api(baseUrl);
    List<String> runs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Api.Answer accepted =
          api.post("api/workflows/retry-then-succeed/runs", "{}", "Prefer", "respond-async");
      assertThat(accepted.status()).isEqualTo(202);
      runs.add(accepted.object().getString("runId"));
    }
    for (String runId : runs) {
      api.await(
          "api/runs/" + runId,
          a -> a.status() == 200 && "SUCCEEDED".equals(a.object().getString("status")),
          Duration.ofSeconds(60));
    }
    String metrics =
        api.await(
                "api/metrics",
                a -> a.text().contains("workflow_tracing_run_queue_depth 0"),
                Duration.ofSeconds(10))
            .text();
    assertThat(metrics).contains("workflow_tracing_run_queue_oldest_age_seconds 0");
    assertThat(
            api.get("api/admin/tracing")
                .object()
                .getJsonObject("pipeline")
                .getJsonObject("runQueue")
                .getInt("depth"))
        .isZero();
  }

  @Test
  void aQueuedRunExecutesTheVersionItWasAcceptedWithThoughALaterOneIsSavedMeanwhile() {
    Api api = new Api(baseUrl);
    String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
    String blocker = "it-blocker-" + suffix;
    String versioned = "it-versioned-" + suffix;
    assertThat(
            api.put(
                    "api/workflows/" + blocker,
                    "{\"id\": \""
                        + blocker
                        + "\", \"nodes\": [{\"id\": \"wait\","
                        + " \"type\": \"delay\", \"config\": {\"ms\": 4000}}]}")
                .status())
        .isEqualTo(201);
    assertThat(api.put("api/workflows/" + versioned, oneDelayNode(versioned, "first")).status())
        .isEqualTo(201);
    // As many runs as the server's queue consumers (QueuedRunListener's maxSession): the next
    // waits.
    List<String> blockers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      blockers.add(
          api.post("api/workflows/" + blocker + "/runs", "{}", "Prefer", "respond-async")
              .object()
              .getString("runId"));
    }
    String runId =
        api.post("api/workflows/" + versioned + "/runs", "{}", "Prefer", "respond-async")
            .object()
            .getString("runId");
    assertThat(api.put("api/workflows/" + versioned, oneDelayNode(versioned, "second")).status())
        .isIn(200, 201);
    assertThat(api.get("api/runs/" + runId).object().getString("status"))
        .as("still waiting behind the blockers when version 2 was saved")
        .isEqualTo("QUEUED");

    JsonObject run =
        api.await(
                "api/runs/" + runId,
                a -> a.status() == 200 && "SUCCEEDED".equals(a.object().getString("status")),
                Duration.ofSeconds(60))
            .object();
    assertThat(run.getInt("workflowVersion")).isEqualTo(1);
    JsonObject trace = api.awaitComplete(run.getString("traceId"));
    assertThat(trace.getJsonArray("spans").stream().map(s -> s.asJsonObject().getString("name")))
        .contains("delay first")
        .doesNotContain("delay second");
    for (String b : blockers) {
      api.await(
          "api/runs/" + b,
          a -> a.status() == 200 && "SUCCEEDED".equals(a.object().getString("status")),
          Duration.ofSeconds(60));
    }
  }

  private static String oneDelayNode(String workflowId, String nodeId) {
    return "{\"id\": \""
        + workflowId
        + "\", \"nodes\": [{\"id\": \""
        + nodeId
        + "\", \"type\": \"delay\", \"config\": {\"ms\": 10}}]}";
  }

  @Test
  void withoutTheHeaderTheCallStillWaitsForTheEnd() {
    Api.Answer run = new Api(baseUrl).post("api/workflows/hello-llm/runs", "{}");
    assertThat(run.status()).isEqualTo(201);
    assertThat(run.object().getString("status")).isEqualTo("SUCCEEDED");
  }
}
