package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.Duration;
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
 * Tokens and cost: each priced model call's attempt span carries its cost (the test servers have
 * bin/run's demo prices), and each run keeps totals that are the sum of its attempt spans, for a
 * run that succeeds, one cancelled in the middle of a model call, and one whose model has no price
 * (tokens, no cost); the run list sorts by cost and by tokens.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RunUsageIT {

  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.builtEar();
  }

  @Test
  void aRunsTotalsAreTheSumOfItsAttemptSpans() {
    Api api = new Api(baseUrl);
    JsonObject run =
        api.post("api/workflows/slow-llm-chain/runs", "{\"inputs\": {\"topic\": \"costs\"}}")
            .object();
    assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
    JsonObject trace = api.awaitComplete(run.getString("traceId"));
    JsonObject usage =
        api.get("api/runs/" + run.getString("runId")).object().getJsonObject("usage");

    Sums spans = Sums.of(trace);
    assertThat(spans.priced()).isEqualTo(4); // four model calls, all priced
    assertThat(usage.getJsonNumber("inputTokens").longValue()).isEqualTo(spans.input());
    assertThat(usage.getJsonNumber("outputTokens").longValue()).isEqualTo(spans.output());
    assertThat(usage.getJsonNumber("totalTokens").longValue())
        .isEqualTo(spans.input() + spans.output());
    assertThat(usage.getJsonNumber("costNanos").longValue()).isEqualTo(spans.costNanos());
    assertThat(usage.getJsonNumber("cost").doubleValue()).isEqualTo(spans.costNanos() / 1e9);
    assertThat(usage.getString("currency")).isEqualTo("USD");
    assertThat(spans.costNanos()).isPositive();
    JsonObject root = root(trace);
    assertThat(root.getJsonObject("attributes").getJsonNumber("workflow.run.cost").doubleValue())
        .isEqualTo(spans.costNanos() / 1e9);
  }

  @Test
  void aRunCancelledInAModelCallKeepsTheTotalsOfTheCallsItMade() {
    Api api = new Api(baseUrl);
    String runId = api.startAsync("slow-llm-chain", "{\"topic\": \"cut short\"}");
    api.awaitStatus(runId, "RUNNING", Duration.ofSeconds(30));
    Api.sleep(1_000); // outline (400 ms) done, draft under way
    assertThat(api.post("api/runs/" + runId + "/cancel", "").status()).isIn(200, 202);
    JsonObject ended = api.awaitEnded(runId, Duration.ofSeconds(30));
    assertThat(ended.getString("status")).isEqualTo("CANCELLED");
    JsonObject trace = api.awaitComplete(ended.getString("traceId"));
    JsonObject usage = api.get("api/runs/" + runId).object().getJsonObject("usage");

    Sums spans = Sums.of(trace);
    assertThat(spans.priced()).isBetween(1, 3);
    assertThat(usage.getJsonNumber("inputTokens").longValue()).isEqualTo(spans.input());
    assertThat(usage.getJsonNumber("outputTokens").longValue()).isEqualTo(spans.output());
    assertThat(usage.getJsonNumber("costNanos").longValue()).isEqualTo(spans.costNanos());
  }

  @Test
  void attemptsThatFailAfterTheirCallShowAsSpentOnFailedAttempts() {
    Api api = new Api(baseUrl);
    String id = "it-usage-failed-" + UUID.randomUUID().toString().substring(0, 8);
    // The simulated model never answers JSON: both attempts spend their tokens, then fail.
    api.saveWorkflow(
        id,
        "[{\"id\": \"extract\", \"type\": \"llm\", \"config\": {\"prompt\": \"List the"
            + " items as JSON\", \"responseFormat\": \"json\", \"latencyMs\": 1},"
            + " \"retry\": {\"maxAttempts\": 2, \"backoffMs\": 1}}]",
        "[]");
    JsonObject run = api.post("api/workflows/" + id + "/runs", "{}").object();
    assertThat(run.getString("status")).isEqualTo("FAILED");
    assertThat(run.getString("error")).contains("not JSON");
    JsonObject trace = api.awaitComplete(run.getString("traceId"));
    JsonObject usage =
        api.get("api/runs/" + run.getString("runId")).object().getJsonObject("usage");

    Sums spans = Sums.of(trace);
    assertThat(spans.priced()).isEqualTo(2);
    assertThat(usage.getJsonNumber("totalTokens").longValue())
        .isEqualTo(spans.input() + spans.output())
        .isPositive();
    assertThat(usage.getJsonNumber("costNanos").longValue()).isEqualTo(spans.costNanos());
    // Every attempt failed: everything went to failed attempts.
    assertThat(usage.getJsonNumber("failedAttemptTokens").longValue())
        .isEqualTo(spans.input() + spans.output());
    assertThat(usage.getJsonNumber("failedAttemptCost").doubleValue())
        .isEqualTo(spans.costNanos() / 1e9)
        .isPositive();
    // A bad format is refused when the workflow is saved.
    Api.Answer refused =
        api.put(
            "api/workflows/" + id,
            "{\"id\": \""
                + id
                + "\", \"nodes\": [{\"id\": \"x\", \"type\": \"llm\","
                + " \"config\": {\"prompt\": \"hi\", \"responseFormat\": \"xml\"}}]}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text()).contains("responseFormat");
  }

  @Test
  void aModelWithoutAPriceHasTokensAndNoCost() {
    Api api = new Api(baseUrl);
    String id = "it-usage-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(
            api.put(
                    "api/workflows/" + id,
                    "{\"id\": \""
                        + id
                        + "\", \"nodes\": [{\"id\": \"ask\", \"type\": \"llm\", \"config\":"
                        + " {\"model\": \"unpriced-model\", \"prompt\": \"hi\", \"latencyMs\":"
                        + " 1}}]}")
                .status())
        .isEqualTo(201);
    JsonObject run = api.post("api/workflows/" + id + "/runs", "{}").object();
    JsonObject trace = api.awaitComplete(run.getString("traceId"));
    JsonObject usage =
        api.get("api/runs/" + run.getString("runId")).object().getJsonObject("usage");

    Sums spans = Sums.of(trace);
    assertThat(spans.priced()).isZero();
    assertThat(usage.getJsonNumber("inputTokens").longValue())
        .isEqualTo(spans.input())
        .isPositive();
    assertThat(usage.isNull("cost")).as("no price: no cost, not a cost of 0").isTrue();
    assertThat(usage.isNull("costNanos")).isTrue();
  }

  @Test
  void theRunListSortsByCostAndByTokens() {
    Api api = new Api(baseUrl);
    api.post("api/workflows/hello-llm/runs", "{\"inputs\": {\"name\": \"cheap\"}}");
    api.post("api/workflows/slow-llm-chain/runs", "{\"inputs\": {\"topic\": \"dear\"}}");
    for (String sort : List.of("cost", "tokens")) {
      Api.Answer page = api.get("api/traces?limit=50&sort=" + sort);
      assertThat(page.status()).as("sort=%s: %s", sort, page.text()).isEqualTo(200);
      List<Long> keys =
          page.object().getJsonArray("items").stream()
              .map(JsonValue::asJsonObject)
              .map(r -> r.isNull("usage") ? null : r.getJsonObject("usage"))
              .map(
                  u ->
                      u == null
                          ? -1L
                          : sort.equals("cost")
                              ? (u.isNull("costNanos")
                                  ? -1L
                                  : u.getJsonNumber("costNanos").longValue())
                              : u.getJsonNumber("totalTokens").longValue())
              .toList();
      assertThat(keys).as("sort=%s", sort).isSortedAccordingTo((a, b) -> Long.compare(b, a));
      assertThat(keys.get(0)).isPositive();
    }
    JsonObject dear = api.get("api/traces?limit=200&minCost=0.000001&minTokens=1").object();
    assertThat(dear.getJsonArray("items"))
        .isNotEmpty()
        .allSatisfy(
            r -> {
              JsonObject u = r.asJsonObject().getJsonObject("usage");
              assertThat(u.getJsonNumber("costNanos").longValue()).isGreaterThanOrEqualTo(1_000);
              assertThat(u.getJsonNumber("totalTokens").longValue()).isPositive();
            });
    for (String bad : List.of("minCost=abc", "minCost=-1", "minCost=1e400", "minTokens=-5")) {
      Api.Answer answer = api.get("api/traces?" + bad);
      assertThat(answer.status()).as(bad).isEqualTo(400);
      assertThat(answer.contentType()).as(bad).startsWith("application/problem+json");
    }
  }

  private static JsonObject root(JsonObject trace) {
    return trace.getJsonArray("spans").stream()
        .map(JsonValue::asJsonObject)
        .filter(s -> "run".equals(s.getString("role", "")))
        .findFirst()
        .orElseThrow();
  }

  /** The usage the trace's attempt spans record. */
  private record Sums(long input, long output, long costNanos, int priced) {
    static Sums of(JsonObject trace) {
      long input = 0;
      long output = 0;
      long cost = 0;
      int priced = 0;
      for (JsonValue value : trace.getJsonArray("spans")) {
        JsonObject attributes = value.asJsonObject().getJsonObject("attributes");
        input += number(attributes, "gen_ai.usage.input_tokens");
        output += number(attributes, "gen_ai.usage.output_tokens");
        if (attributes.containsKey("workflow.cost.nanos")) {
          cost += number(attributes, "workflow.cost.nanos");
          priced++;
        }
      }
      return new Sums(input, output, cost, priced);
    }

    private static long number(JsonObject attributes, String key) {
      return attributes.get(key) instanceof JsonNumber n ? n.longValue() : 0;
    }
  }
}
