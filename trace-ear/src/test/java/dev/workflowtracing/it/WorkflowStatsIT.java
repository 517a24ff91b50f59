package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Per-node statistics ({@code GET /api/workflows/{id}/stats}) of runs with known shapes equal the
 * values computed by hand: executions, error and retry rates, duration percentiles by the
 * documented definition, example traces; a node added in version 2 has no figures in version 1; bad
 * ranges, versions and ids are problems.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WorkflowStatsIT {

  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.builtEar();
  }

  @Test
  void figuresOfKnownRunsAreTheHandComputedOnes() {
    Api api = new Api(baseUrl);
    String id = "it-stats-" + UUID.randomUUID().toString().substring(0, 8);
    // "wait" takes 870 ms: every duration from 862 to 1,024 ms is in the bucket whose bound is
    // 1,024 (2^(39/4) < d <= 2^(40/4)), which leaves 154 ms for the engine's own time.
    // "flaky" fails its first attempt of each execution and succeeds on the second.
    String nodes =
        "[{\"id\": \"wait\", \"type\": \"delay\", \"config\": {\"ms\": 870}},"
            + " {\"id\": \"flaky\", \"type\": \"fail\", \"config\": {\"failAttempts\": 1},"
            + "  \"retry\": {\"maxAttempts\": 2, \"backoffMs\": 1}}]";
    // A first run of the same shape elsewhere, so that a fresh server's first run (its classes
    // loading) is not one of those measured.
    api.saveWorkflow(id + "-warm", nodes, "[{\"from\": \"wait\", \"to\": \"flaky\"}]");
    api.post("api/workflows/" + id + "-warm/runs", "{}");
    api.saveWorkflow(id, nodes, "[{\"from\": \"wait\", \"to\": \"flaky\"}]");
    Instant from = Instant.now().minusSeconds(5);
    List<String> traces = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      JsonObject run = api.post("api/workflows/" + id + "/runs", "{}").object();
      assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
      traces.add(run.getString("traceId"));
    }
    // Version 2 adds a node that always fails, once.
    api.saveWorkflow(
        id,
        "[{\"id\": \"wait\", \"type\": \"delay\", \"config\": {\"ms\": 870}},"
            + " {\"id\": \"flaky\", \"type\": \"fail\", \"config\": {\"failAttempts\": 1},"
            + "  \"retry\": {\"maxAttempts\": 2, \"backoffMs\": 1}},"
            + " {\"id\": \"added\", \"type\": \"fail\", \"config\": {\"message\": \"no\"}}]",
        "[{\"from\": \"wait\", \"to\": \"flaky\"}, {\"from\": \"flaky\", \"to\": \"added\"}]");
    JsonObject failed = api.post("api/workflows/" + id + "/runs", "{}").object();
    assertThat(failed.getString("status")).isEqualTo("FAILED");
    String range = "from=" + from + "&to=" + Instant.now().plusSeconds(5);
    // Ended runs are added to the rollups within a quarter of a second (NodeRollups).
    api.await(
        "api/workflows/" + id + "/stats?" + range,
        a -> a.status() == 200 && executions(a, "wait") == 4 && executions(a, "added") == 1,
        Duration.ofSeconds(10));

    Map<String, JsonObject> v1 =
        nodes(api.get("api/workflows/" + id + "/stats?version=1&" + range));
    assertThat(v1).containsOnlyKeys("wait", "flaky");
    assertThat(v1.get("wait").getInt("executions")).isEqualTo(3);
    assertThat(v1.get("wait").getInt("p50Ms")).isEqualTo(1024);
    assertThat(v1.get("wait").getInt("p95Ms")).isEqualTo(1024);
    assertThat(v1.get("wait").getJsonNumber("errorRate").doubleValue()).isZero();
    assertThat(v1.get("wait").getString("slowestTraceId")).isIn(traces);
    assertThat(v1.get("flaky").getJsonNumber("retryRate").doubleValue()).isEqualTo(1.0);
    assertThat(v1.get("flaky").getJsonNumber("errorRate").doubleValue()).isZero();
    assertThat(v1.get("flaky").isNull("latestFailedTraceId")).isTrue();

    Map<String, JsonObject> v2 =
        nodes(api.get("api/workflows/" + id + "/stats?version=2&" + range));
    assertThat(v2.get("added").getInt("executions")).isEqualTo(1);
    assertThat(v2.get("added").getInt("failed")).isEqualTo(1);
    assertThat(v2.get("added").getJsonNumber("errorRate").doubleValue()).isEqualTo(1.0);
    assertThat(v2.get("added").getString("latestFailedTraceId"))
        .isEqualTo(failed.getString("traceId"));

    Map<String, JsonObject> all = nodes(api.get("api/workflows/" + id + "/stats?" + range));
    assertThat(all.get("wait").getInt("executions")).isEqualTo(4);
    assertThat(all.get("flaky").getInt("executions")).isEqualTo(4);
    // Before the runs: nothing.
    assertThat(
            nodes(
                api.get(
                    "api/workflows/"
                        + id
                        + "/stats?from="
                        + from.minusSeconds(7200)
                        + "&to="
                        + from.minusSeconds(3600))))
        .isEmpty();
  }

  @Test
  void badRangesVersionsAndIdsAreProblems() {
    Api api = new Api(baseUrl);
    for (String query :
        List.of(
            "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z",
            "from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z",
            "from=yesterday",
            "version=0",
            "version=abc")) {
      Api.Answer answer = api.get("api/workflows/hello-llm/stats?" + query);
      assertThat(answer.status()).as(query).isEqualTo(400);
      assertThat(answer.contentType()).as(query).startsWith("application/problem+json");
    }
    Api.Answer unknown = api.get("api/workflows/no-such-workflow/stats");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
  }

  private static Map<String, JsonObject> nodes(Api.Answer answer) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return answer.object().getJsonArray("nodes").stream()
        .map(JsonValue::asJsonObject)
        .collect(Collectors.toMap(n -> n.getString("nodeId"), n -> n));
  }

  private static long executions(Api.Answer answer, String nodeId) {
    JsonObject node = nodes(answer).get(nodeId);
    return node == null ? 0 : node.getJsonNumber("executions").longValue();
  }
}
