package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.Duration;
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
 * A node made slow on purpose is flagged "longer than usual" in {@code GET /api/runs/{id}} while it
 * runs (its usual p95 from 20 earlier runs of the same version), and a node running beside it as
 * usual is not; a workflow with too little history flags nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LongerThanUsualIT {

  /** The default of workflow.stats.longer-than-usual.min-executions. */
  private static final int HISTORY = 20;

  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.builtEar();
  }

  @Test
  void theNodeMadeSlowIsFlaggedAndTheOneBesideItIsNot() {
    Api api = new Api(baseUrl);
    String id = "it-longer-" + UUID.randomUUID().toString().substring(0, 8);
    save(api, id);
    // Too little history: nothing is usual yet. (Another workflow: what is usual is read once a
    // minute per workflow version, so this one's would be the empty figures of a minute ago.)
    save(api, id + "-new");
    String early = api.startAsync(id + "-new", "{\"waitMs\": 3000}");
    JsonObject earlyNodes = runningLive(api, early, "wait");
    assertThat(nodes(earlyNodes).get("wait").isNull("usualP95Ms")).isTrue();
    assertThat(nodes(earlyNodes).get("wait").isNull("timesUsualP95")).isTrue();
    api.awaitEnded(early, Duration.ofSeconds(30));

    for (int i = 0; i < HISTORY; i++) {
      JsonObject run =
          api.post("api/workflows/" + id + "/runs", "{\"inputs\": {\"waitMs\": 30}}").object();
      assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
    }

    // The history in the rollups (added within a quarter of a second of each run's end) before
    // the slow run reads what is usual.
    api.await(
        "api/workflows/" + id + "/stats",
        a ->
            a.status() == 200
                && a.object().getJsonArray("nodes").stream()
                    .map(JsonValue::asJsonObject)
                    .anyMatch(
                        n ->
                            "wait".equals(n.getString("nodeId"))
                                && n.getJsonNumber("executions").longValue() == HISTORY),
        Duration.ofSeconds(10));
    String slow = api.startAsync(id, "{\"waitMs\": 4000}");
    // Past the usual p95 of "wait" (a few tens of ms) while "steady" runs as usual.
    JsonObject live = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      JsonObject candidate = api.get("api/runs/" + slow).object();
      if (!candidate.isNull("live")) {
        Map<String, JsonObject> now = nodes(candidate.getJsonObject("live"));
        if (now.containsKey("wait")
            && "running".equals(now.get("wait").getString("state"))
            && "running".equals(now.get("steady").getString("state"))
            && !now.get("wait").isNull("timesUsualP95")) {
          live = candidate.getJsonObject("live");
          break;
        }
      }
      Api.sleep(50);
    }
    assertThat(live).as("a moment with wait flagged while steady runs").isNotNull();
    Map<String, JsonObject> flagged = nodes(live);
    JsonObject wait = flagged.get("wait");
    assertThat(wait.getJsonNumber("usualP95Ms").longValue()).isBetween(30L, 200L);
    assertThat(wait.getJsonNumber("timesUsualP95").doubleValue()).isGreaterThan(1.0);
    assertThat(
            wait.getJsonNumber("elapsedMs").longValue()
                / (double) wait.getJsonNumber("usualP95Ms").longValue())
        .isCloseTo(
            wait.getJsonNumber("timesUsualP95").doubleValue(),
            org.assertj.core.data.Offset.offset(0.11));
    JsonObject steady = flagged.get("steady");
    assertThat(steady.getJsonNumber("usualP95Ms").longValue()).isBetween(800L, 1100L);
    assertThat(steady.isNull("timesUsualP95")).isTrue();
    assertThat(flagged.get("start").isNull("timesUsualP95")).isTrue();
    assertThat(live.getJsonNumber("longerThanUsualFactor").doubleValue()).isEqualTo(1.0);
    api.awaitEnded(slow, Duration.ofSeconds(30));
  }

  /**
   * Two branches side by side: "wait" takes what the run asks (30 ms as a rule), "steady" always
   * 800 ms (its usual p95 is the bucket bound above it, 861 ms).
   */
  private static void save(Api api, String id) {
    Api.Answer saved =
        api.put(
            "api/workflows/" + id,
            "{\"id\": \""
                + id
                + "\", \"nodes\": [{\"id\": \"start\", \"type\": \"transform\","
                + " \"config\": {\"set\": {\"go\": \"1\"}}},"
                + " {\"id\": \"wait\", \"type\": \"delay\", \"config\": {\"ms\": \"${input.waitMs}\"}},"
                + " {\"id\": \"steady\", \"type\": \"delay\", \"config\": {\"ms\": 800}}],"
                + " \"edges\": [{\"from\": \"start\", \"to\": \"wait\"},"
                + " {\"from\": \"start\", \"to\": \"steady\"}]}");
    assertThat(saved.status()).as(saved.text()).isEqualTo(201);
  }

  /** The run's live state once {@code nodeId} is running. */
  private static JsonObject runningLive(Api api, String runId, String nodeId) {
    return api.await(
            "api/runs/" + runId,
            a ->
                a.status() == 200
                    && !a.object().isNull("live")
                    && nodes(a.object().getJsonObject("live")).containsKey(nodeId)
                    && "running"
                        .equals(
                            nodes(a.object().getJsonObject("live")).get(nodeId).getString("state")),
            Duration.ofSeconds(20))
        .object()
        .getJsonObject("live");
  }

  private static Map<String, JsonObject> nodes(JsonObject live) {
    return live.getJsonArray("nodes").stream()
        .map(JsonValue::asJsonObject)
        .collect(Collectors.toMap(n -> n.getString("nodeId"), n -> n));
  }
}
