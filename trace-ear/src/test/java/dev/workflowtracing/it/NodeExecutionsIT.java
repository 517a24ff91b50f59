package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A node's executions across runs ({@code GET /api/workflows/{id}/nodes/{node}/executions}), read
 * from the spans' workflow, node and role columns: latest and slowest first, of one version, failed
 * only, each opening its node span; the same columns answer the search's attribute filter on the
 * workflow version; bad ranges, limits, orders and unknown ids are problems.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NodeExecutionsIT {

  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.builtEar();
  }

  @Test
  void executionsOfANodeAcrossRunsAndVersions() {
    Api api = new Api(baseUrl);
    String id = "it-executions-" + UUID.randomUUID().toString().substring(0, 8);
    Instant from = Instant.now().minusSeconds(5);
    api.saveWorkflow(
        id, "[{\"id\": \"wait\", \"type\": \"delay\", \"config\": {\"ms\": 20}}]", "[]");
    List<String> v1Traces = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      JsonObject run = api.post("api/workflows/" + id + "/runs", "{}").object();
      assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
      v1Traces.add(run.getString("traceId"));
    }
    // Version 2: "wait" takes longer, and a node is added that fails.
    api.saveWorkflow(
        id,
        "[{\"id\": \"wait\", \"type\": \"delay\", \"config\": {\"ms\": 400}},"
            + " {\"id\": \"boom\", \"type\": \"fail\", \"config\": {\"message\": \"boom at v2\"}}]",
        "[{\"from\": \"wait\", \"to\": \"boom\"}]");
    JsonObject failed = api.post("api/workflows/" + id + "/runs", "{}").object();
    assertThat(failed.getString("status")).isEqualTo("FAILED");
    String v2Trace = failed.getString("traceId");
    String range = "from=" + from + "&to=" + Instant.now().plusSeconds(5);
    String path = "api/workflows/" + id + "/nodes/";

    // Spans are stored before a run is reported ended: no waiting.
    List<JsonObject> latest = executions(api.get(path + "wait/executions?" + range));
    assertThat(latest).hasSize(4);
    assertThat(latest.get(0).getString("traceId")).isEqualTo(v2Trace);
    assertThat(latest.get(0).getInt("version")).isEqualTo(2);
    assertThat(latest.stream().map(e -> e.getString("startedAt")).toList())
        .isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));
    assertThat(latest.subList(1, 4).stream().map(e -> e.getString("traceId")))
        .containsExactlyInAnyOrderElementsOf(v1Traces);
    assertThat(latest).allSatisfy(e -> assertThat(e.getBoolean("failed")).isFalse());

    List<JsonObject> slowest =
        executions(api.get(path + "wait/executions?order=slowest&limit=2&" + range));
    assertThat(slowest).hasSize(2);
    assertThat(slowest.get(0).getString("traceId")).isEqualTo(v2Trace);
    assertThat(slowest.get(0).getJsonNumber("durationMs").doubleValue()).isGreaterThan(400);
    assertThat(slowest.get(1).getJsonNumber("durationMs").doubleValue()).isLessThan(400);

    List<JsonObject> v1 = executions(api.get(path + "wait/executions?version=1&" + range));
    assertThat(v1).hasSize(3).allSatisfy(e -> assertThat(e.getInt("version")).isEqualTo(1));

    List<JsonObject> boom = executions(api.get(path + "boom/executions?status=failed&" + range));
    assertThat(boom).hasSize(1);
    assertThat(boom.get(0).getBoolean("failed")).isTrue();
    assertThat(boom.get(0).getString("error")).contains("boom at v2");
    assertThat(executions(api.get(path + "wait/executions?status=failed&" + range))).isEmpty();

    // Each execution is its node's span, to open the trace at.
    JsonObject span =
        api.get(
                "api/traces/"
                    + boom.get(0).getString("traceId")
                    + "/spans/"
                    + boom.get(0).getString("spanId"))
            .object();
    assertThat(span.toString()).contains("\"workflow.node.id\"").contains("boom");
    assertThat(span.toString()).contains("\"workflow.span.role\"").contains("\"node\"");

    // Before the runs: nothing.
    assertThat(
            executions(
                api.get(
                    path
                        + "wait/executions?from="
                        + from.minusSeconds(7200)
                        + "&to="
                        + from.minusSeconds(3600))))
        .isEmpty();

    // The search's attribute filter on the version reads the same column.
    JsonObject page =
        api.get(
                "api/traces?workflowId="
                    + id
                    + "&attribute="
                    + URLEncoder.encode("workflow.version=2", StandardCharsets.UTF_8))
            .object();
    assertThat(page.getJsonArray("items")).hasSize(1);
    assertThat(page.getJsonArray("items").getJsonObject(0).getString("traceId")).isEqualTo(v2Trace);
  }

  @Test
  void badInputIsAProblem() {
    Api api = new Api(baseUrl);
    String path = "api/workflows/hello-llm/nodes/";
    for (String query :
        List.of(
            "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z",
            "from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z",
            "from=yesterday",
            "version=0",
            "limit=0",
            "limit=201",
            "status=broken",
            "order=fastest")) {
      Api.Answer answer = api.get(path + "ask/executions?" + query);
      assertThat(answer.status()).as(query).isEqualTo(400);
      assertThat(answer.contentType()).as(query).startsWith("application/problem+json");
    }
    for (String unknown :
        List.of(
            "api/workflows/no-such-workflow/nodes/ask/executions",
            path + "no-such-node/executions",
            path + "x".repeat(300) + "/executions",
            path + "ask/executions?version=99999")) {
      Api.Answer answer = api.get(unknown);
      assertThat(answer.status()).as(unknown).isEqualTo(404);
      assertThat(answer.contentType()).as(unknown).startsWith("application/problem+json");
    }
  }

  private static List<JsonObject> executions(Api.Answer answer) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return answer.object().getJsonArray("executions").stream()
        .map(JsonValue::asJsonObject)
        .toList();
  }
}
