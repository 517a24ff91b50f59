package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowtracing.it.RunEventStream.Event;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A run watched as it happens: its live node states in {@code GET /api/runs/{id}} and its events as
 * Server-Sent Events, in order, resumable, matching the stored trace one for one.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LiveRunIT {

  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.builtEar();
  }

  @Test
  void aRunningRunShowsItsNodesLiveAndItsEventsMatchItsTrace() throws Exception {
    Api api = new Api(baseUrl);
    String runId =
        api.post("api/workflows/retry-then-succeed/runs", "{}", "Prefer", "respond-async")
            .object()
            .getString("runId");
    String slowId =
        api.post(
                "api/workflows/slow-llm-chain/runs",
                "{\"inputs\": {\"topic\": \"tracing\"}}",
                "Prefer",
                "respond-async")
            .object()
            .getString("runId");

    JsonObject running =
        api.await(
                "api/runs/" + slowId,
                a ->
                    a.status() == 200
                        && "RUNNING".equals(a.object().getString("status"))
                        && a.object().get("live") instanceof JsonObject live
                        && live.getJsonArray("nodes").stream()
                            .anyMatch(n -> "running".equals(n.asJsonObject().getString("state"))),
                Duration.ofSeconds(30))
            .object();
    assertThat(running.getJsonObject("live").getJsonArray("nodes"))
        .extracting(n -> n.asJsonObject().getString("nodeId"))
        .containsExactly("outline", "draft", "critique", "final");

    List<Event> events = stream(slowId, null);
    assertThat(events.get(0).name()).isIn("RunQueued", "RunStarted");
    assertThat(events.get(events.size() - 1).name()).isEqualTo("RunEnded");
    assertThat(events.get(events.size() - 1).data().getString("status")).isEqualTo("SUCCEEDED");
    assertThat(events).extracting(Event::id).isSorted().doesNotHaveDuplicates();
    assertOneEndAfterEachStart(events);

    List<Event> resumed = stream(slowId, Long.toString(events.get(2).id()));
    assertThat(resumed.get(0).id()).isEqualTo(events.get(3).id());
    assertThat(resumed).hasSize(events.size() - 3);

    api.await(
        "api/runs/" + runId,
        a -> a.status() == 200 && "SUCCEEDED".equals(a.object().getString("status")),
        Duration.ofSeconds(30));
    List<Event> retried = stream(runId, null);
    assertOneEndAfterEachStart(retried);
    JsonObject run = api.get("api/runs/" + runId).object();
    JsonObject trace = api.awaitComplete(run.getString("traceId"));
    Set<String> attemptSpans =
        trace.getJsonArray("spans").stream()
            .map(JsonValue::asJsonObject)
            .filter(s -> "attempt".equals(s.getString("role", "")))
            .map(
                s ->
                    s.getString("nodeId")
                        + "#"
                        + s.getJsonObject("attributes").getInt("workflow.node.attempt"))
            .collect(Collectors.toSet());
    Set<String> attemptEvents =
        retried.stream()
            .filter(e -> e.name().equals("NodeAttemptStarted"))
            .map(e -> e.data().getString("nodeId") + "#" + e.data().getInt("attempt"))
            .collect(Collectors.toSet());
    assertThat(attemptEvents).isEqualTo(attemptSpans).hasSizeGreaterThan(1);
  }

  @Test
  void badIdsAndUnknownRunsAreProblems() throws Exception {
    Api api = new Api(baseUrl);
    ProblemResponsesIT.assertProblem(api.get("api/runs/not-a-run-id/events"), 400);
    ProblemResponsesIT.assertProblem(
        api.get("api/runs/00000000-0000-0000-0000-000000000000/events"), 404);
    String runId = api.post("api/workflows/hello-llm/runs", "{}").object().getString("runId");
    ProblemResponsesIT.assertProblem(
        api.get("api/runs/" + runId + "/events", "Last-Event-ID", "soon"), 400);
  }

  /**
   * Every attempt ends once after it started; every node that started ends once (NodeEnded) after
   * its last attempt, with as many attempts as it started.
   */
  private static void assertOneEndAfterEachStart(List<Event> events) {
    Set<String> open = new HashSet<>();
    Set<String> ended = new HashSet<>();
    Map<String, Integer> attemptsByNode = new HashMap<>();
    Set<String> nodesEnded = new HashSet<>();
    for (Event event : events) {
      String node = event.data().getString("nodeId", null);
      if (event.name().equals("NodeAttemptStarted") || event.name().equals("NodeAttemptEnded")) {
        assertThat(nodesEnded).as("%s has an attempt after its end", node).doesNotContain(node);
        String attempt = node + "#" + event.data().getInt("attempt");
        if (event.name().equals("NodeAttemptStarted")) {
          assertThat(open.add(attempt)).as("%s starts once", attempt).isTrue();
          attemptsByNode.merge(node, 1, Integer::sum);
        } else {
          assertThat(open.remove(attempt)).as("%s ends after it started", attempt).isTrue();
          assertThat(ended.add(attempt)).as("%s ends once", attempt).isTrue();
        }
      } else if (event.name().equals("NodeEnded")) {
        assertThat(nodesEnded.add(node)).as("%s ends once", node).isTrue();
        assertThat(open)
            .as("%s ends with an attempt open", node)
            .noneMatch(a -> a.startsWith(node + "#"));
        assertThat(event.data().getInt("attempts"))
            .as("%s's attempts", node)
            .isEqualTo(attemptsByNode.get(node));
        assertThat(event.data().getJsonNumber("durationMs").longValue()).isNotNegative();
        assertThat(event.data().getString("outcome")).isIn("succeeded", "failed", "cancelled");
      }
    }
    assertThat(open).as("attempts that never ended").isEmpty();
    assertThat(nodesEnded)
        .as("nodes that started and never ended")
        .isEqualTo(attemptsByNode.keySet());
  }

  private List<Event> stream(String runId, String lastEventId) throws Exception {
    return RunEventStream.read(baseUrl, runId, lastEventId);
  }
}
