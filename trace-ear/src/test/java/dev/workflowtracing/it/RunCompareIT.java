package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
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
 * Run comparison ({@code GET /api/runs/compare}): a succeeding and a failing run of {@code
 * branching} align node by node with the branch not taken on each side; two versions where a node
 * was added show it added (and removed, the other way round); a node's prompt diff shows the
 * changed line; the node figures add up to the runs' own cost; bad input is a problem.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RunCompareIT {

  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.builtEar();
  }

  @Test
  void aSucceedingAndAFailingRunOfBranchingAlign() {
    Api api = new Api(baseUrl);
    String small = run(api, "branching", "{\"amount\": 50}", "SUCCEEDED");
    String large = run(api, "branching", "{\"amount\": 500}", "FAILED");

    JsonObject compared = compare(api, small, large, null);
    Map<String, JsonObject> nodes = nodes(compared);
    assertThat(nodes).containsOnlyKeys("read", "is-small", "auto-approve", "manual-review", "done");
    assertThat(nodes.get("read").getString("change")).isEqualTo("same");
    assertThat(nodes.get("read").getString("presence")).isEqualTo("both");
    assertThat(nodes.get("is-small").getString("change")).isEqualTo("same");
    assertThat(nodes.get("auto-approve").getString("change")).isEqualTo("notRunRight");
    assertThat(nodes.get("auto-approve").isNull("right")).isTrue();
    assertThat(nodes.get("auto-approve").getJsonObject("left").getString("status"))
        .isEqualTo("SUCCEEDED");
    assertThat(nodes.get("manual-review").getString("change")).isEqualTo("notRunLeft");
    assertThat(nodes.get("manual-review").getJsonObject("right").getString("status"))
        .isEqualTo("FAILED");
    assertThat(nodes.get("done").getString("change")).isEqualTo("notRunRight");
    assertThat(compared.getJsonObject("changes").getInt("notRunRight")).isEqualTo(2);
    assertThat(compared.getJsonObject("changes").getInt("notRunLeft")).isEqualTo(1);
    assertThat(compared.getJsonObject("left").getString("status")).isEqualTo("SUCCEEDED");
    assertThat(compared.getJsonObject("right").getString("status")).isEqualTo("FAILED");
    // The read node's figures on both sides, with their difference.
    JsonObject read = nodes.get("read");
    assertThat(read.getJsonObject("left").getInt("attempts")).isEqualTo(1);
    assertThat(read.getJsonObject("difference").getInt("attempts")).isZero();
    assertThat(read.getJsonObject("difference").getJsonNumber("durationMs").longValue())
        .isEqualTo(
            read.getJsonObject("right").getJsonNumber("durationMs").longValue()
                - read.getJsonObject("left").getJsonNumber("durationMs").longValue());
    assertThat(compared.getJsonArray("edges")).hasSize(5);
    // The same answer gzipped for a client that accepts it.
    Api.Answer zipped =
        api.get("api/runs/compare?left=" + small + "&right=" + large, "Accept-Encoding", "gzip");
    assertThat(zipped.header("Content-Encoding")).isEqualTo("gzip");
    assertThat(zipped.header("Vary")).contains("Accept-Encoding");
    assertThat(zipped.object()).isEqualTo(compared);
    // The failed node's error is its text on the right only.
    JsonObject review = compare(api, small, large, "manual-review").getJsonObject("texts");
    JsonObject error = kinds(review).get("error");
    assertThat(error.getBoolean("changed")).isTrue();
    assertThat(lines(error, "+")).anyMatch(line -> line.contains("Review queue is closed"));
    assertThat(lines(error, "-")).isEmpty();
  }

  @Test
  void theChangedPromptLineIsDiffedAndTheNodesAddUpToTheRunsCost() {
    Api api = new Api(baseUrl);
    String fifty = run(api, "branching", "{\"amount\": 50}", "SUCCEEDED");
    String eighty = run(api, "branching", "{\"amount\": 80}", "SUCCEEDED");
    JsonObject compared = compare(api, fifty, eighty, "auto-approve");
    Map<String, JsonObject> texts = kinds(compared.getJsonObject("texts"));
    assertThat(texts).containsKeys("input", "prompt", "response", "output");
    JsonObject prompt = texts.get("prompt");
    assertThat(prompt.getBoolean("changed")).isTrue();
    assertThat(lines(prompt, "-")).containsExactly("Approve a payment of 50");
    assertThat(lines(prompt, "+")).containsExactly("Approve a payment of 80");
    // The read node's output (JSON) is diffed one member per line.
    JsonObject output =
        kinds(compare(api, fifty, eighty, "read").getJsonObject("texts")).get("output");
    assertThat(lines(output, "-")).singleElement().asString().contains("50");
    assertThat(lines(output, "+")).singleElement().asString().contains("80");

    JsonObject model =
        compared.getJsonArray("nodes").stream()
            .map(JsonValue::asJsonObject)
            .filter(n -> n.getString("nodeId").equals("auto-approve"))
            .findFirst()
            .orElseThrow()
            .getJsonObject("left");
    assertThat(model.getJsonNumber("totalTokens").longValue())
        .isPositive()
        .isEqualTo(
            model.getJsonNumber("inputTokens").longValue()
                + model.getJsonNumber("outputTokens").longValue());
    assertThat(model.getJsonNumber("cost").doubleValue())
        .isEqualTo(model.getJsonNumber("costNanos").longValue() / 1e9);
    for (String side : List.of("left", "right")) {
      long nodesCost =
          compared.getJsonArray("nodes").stream()
              .map(JsonValue::asJsonObject)
              .filter(n -> !n.isNull(side) && !n.getJsonObject(side).isNull("costNanos"))
              .mapToLong(n -> n.getJsonObject(side).getJsonNumber("costNanos").longValue())
              .sum();
      assertThat(nodesCost)
          .as(side)
          .isPositive()
          .isEqualTo(
              compared
                  .getJsonObject(side)
                  .getJsonObject("usage")
                  .getJsonNumber("costNanos")
                  .longValue());
    }
  }

  @Test
  void aNodeAddedInTheNewerVersionIsAddedOneWayAndRemovedTheOther() {
    Api api = new Api(baseUrl);
    String id = "it-compare-" + UUID.randomUUID().toString().substring(0, 8);
    api.saveWorkflow(
        id,
        "[{\"id\": \"a\", \"type\": \"transform\", \"config\": {\"set\": {\"x\": \"1\"}}},"
            + " {\"id\": \"b\", \"type\": \"transform\", \"config\": {\"set\": {\"y\": \"2\"}}}]",
        "[{\"from\": \"a\", \"to\": \"b\"}]");
    String v1 = run(api, id, "{}", "SUCCEEDED");
    api.saveWorkflow(
        id,
        "[{\"id\": \"a\", \"type\": \"transform\", \"config\": {\"set\": {\"x\": \"1\"}}},"
            + " {\"id\": \"b\", \"type\": \"transform\", \"config\": {\"set\": {\"y\": \"2\"}}},"
            + " {\"id\": \"c\", \"type\": \"transform\", \"config\": {\"set\": {\"z\": \"3\"}}}]",
        "[{\"from\": \"a\", \"to\": \"b\"}, {\"from\": \"b\", \"to\": \"c\"}]");
    String v2 = run(api, id, "{}", "SUCCEEDED");

    JsonObject forward = compare(api, v1, v2, null);
    assertThat(forward.getJsonObject("left").getInt("workflowVersion")).isEqualTo(1);
    assertThat(forward.getJsonObject("right").getInt("workflowVersion")).isEqualTo(2);
    Map<String, JsonObject> nodes = nodes(forward);
    assertThat(nodes.get("a").getString("change")).isEqualTo("same");
    assertThat(nodes.get("c").getString("presence")).isEqualTo("right");
    assertThat(nodes.get("c").getString("change")).isEqualTo("added");
    assertThat(nodes.get("c").getJsonObject("right").getString("status")).isEqualTo("SUCCEEDED");
    assertThat(
            forward.getJsonArray("edges").stream()
                .map(JsonValue::asJsonObject)
                .filter(e -> e.getString("to").equals("c"))
                .map(e -> e.getString("presence")))
        .containsExactly("right");

    Map<String, JsonObject> backward = nodes(compare(api, v2, v1, null));
    assertThat(backward.get("c").getString("presence")).isEqualTo("left");
    assertThat(backward.get("c").getString("change")).isEqualTo("removed");
  }

  @Test
  void badInputIsAProblem() {
    Api api = new Api(baseUrl);
    String branching = run(api, "branching", "{\"amount\": 5}", "SUCCEEDED");
    String other = run(api, "hello-llm", "{}", null);
    String unknown = UUID.randomUUID().toString();
    Map<String, Integer> expected =
        Map.of(
            "left=" + branching, 400,
            "left=" + branching + "&right=not-a-run", 400,
            "left=" + branching + "&right=" + unknown, 404,
            "left=" + branching + "&right=" + other, 400,
            "left=" + branching + "&right=" + branching + "&node=" + "n".repeat(101), 400,
            "left=" + branching + "&right=" + branching + "&node=nowhere", 404);
    expected.forEach(
        (query, status) -> {
          Api.Answer answer = api.get("api/runs/compare?" + query);
          assertThat(answer.status()).as(query + ": " + answer.text()).isEqualTo(status);
          assertThat(answer.contentType()).as(query).startsWith("application/problem+json");
        });
    // The same run on both sides: nothing changed.
    JsonObject same = compare(api, branching, branching, null);
    assertThat(same.getJsonObject("changes").keySet()).containsOnly("same", "notRun");
  }

  /** Runs the workflow, waits until its trace is complete and returns the run id. */
  private static String run(Api api, String workflow, String inputs, String status) {
    JsonObject run =
        api.post("api/workflows/" + workflow + "/runs", "{\"inputs\": " + inputs + "}").object();
    if (status != null) {
      assertThat(run.getString("status")).isEqualTo(status);
    }
    api.awaitComplete(run.getString("traceId"));
    return run.getString("runId");
  }

  private static JsonObject compare(Api api, String left, String right, String node) {
    Api.Answer answer =
        api.get(
            "api/runs/compare?left="
                + left
                + "&right="
                + right
                + (node == null ? "" : "&node=" + node));
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return answer.object();
  }

  private static Map<String, JsonObject> nodes(JsonObject compared) {
    return compared.getJsonArray("nodes").stream()
        .map(JsonValue::asJsonObject)
        .collect(Collectors.toMap(n -> n.getString("nodeId"), n -> n));
  }

  private static Map<String, JsonObject> kinds(JsonObject texts) {
    return texts.getJsonArray("texts").stream()
        .map(JsonValue::asJsonObject)
        .collect(Collectors.toMap(t -> t.getString("kind"), t -> t));
  }

  private static List<String> lines(JsonObject diff, String op) {
    return diff.getJsonArray("lines").stream()
        .map(JsonValue::asJsonObject)
        .filter(line -> line.getString("op").equals(op))
        .map(line -> line.getString("text"))
        .toList();
  }
}
