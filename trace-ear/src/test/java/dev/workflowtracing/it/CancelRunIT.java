package dev.workflowtracing.it;

import static dev.workflowtracing.it.ProblemResponsesIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowtracing.it.RunEventStream.Event;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cancelling runs ({@code POST /api/runs/{id}/cancel}) in the middle of the slow LLM chain and of
 * the 1,000-node fan-out, while queued, and by the run's time limit: each ends CANCELLED with a
 * complete trace whose cut spans say so, and no node starts after the cancel.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CancelRunIT {

  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.builtEar();
  }

  @Test
  void cancellingTheSlowChainMidRunInterruptsItsModelCall() throws Exception {
    // Cancelled once draft's attempt has started, so a node is cut in its 400 ms model call: draft,
    // or critique when the cancel reaches a loaded server late. The last node started is the one
    // cut, in its model call, and nothing after it starts.
    Cancelled run =
        cancelOn(
            "slow-llm-chain",
            "{\"inputs\": {\"topic\": \"cancels\"}}",
            "NodeAttemptStarted",
            "draft");
    List<String> chain = List.of("outline", "draft", "critique", "final");
    assertThat(run.nodeSpans()).contains("outline", "draft").doesNotContain("final");
    String cut = chain.get(run.nodeSpans().size() - 1);
    assertThat(run.nodeSpans())
        .containsExactlyInAnyOrderElementsOf(chain.subList(0, chain.indexOf(cut) + 1));
    List<String> cancelled = run.cancelledSpans().stream().map(s -> s.getString("name")).toList();
    assertThat(cancelled).contains("run slow-llm-chain");
    if (!cancelled.contains("llm " + cut)) {
      // On a loaded server the cancel can land between two nodes: the one before it ended, the one
      // after it never starts, and only the run is cut.
      assertThat(cancelled).containsExactly("run slow-llm-chain");
      return;
    }
    // On a loaded server the cancel can reach the cut node before its attempt begins: then it has
    // no attempt at all; when it has one, that attempt was cut too.
    List<String> cutAttempts =
        run.trace().getJsonArray("spans").stream()
            .map(JsonValue::asJsonObject)
            .filter(s -> "attempt".equals(s.getString("role", "")))
            .filter(s -> cut.equals(s.getString("nodeId", "")))
            .map(s -> s.getString("name"))
            .toList();
    assertThat(run.cancelledSpans()).extracting(s -> s.getString("name")).containsAll(cutAttempts);
  }

  @Test
  void cancellingTheFanOutMidRunStartsNoFurtherNode() throws Exception {
    Cancelled run =
        cancelOn("fan-out", "{\"inputs\": {\"batch\": 1}}", "NodeAttemptEnded", "item-");
    assertThat(run.nodeSpans()).contains("split").hasSizeLessThan(1_002);
  }

  @Test
  void aQueuedRunCancelledNeverStarts() throws Exception {
    Api runner = Api.as(baseUrl, "runner", "runner-password");
    // Eight runs at a time per server: the ninth to twelfth wait on the queue.
    List<String> runs = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      runs.add(
          runner
              .post(
                  "api/workflows/slow-llm-chain/runs",
                  "{\"inputs\": {\"topic\": \"q" + i + "\"}}",
                  "Prefer",
                  "respond-async")
              .object()
              .getString("runId"));
    }
    String last = runs.get(runs.size() - 1);
    Api.Answer cancelled = runner.post("api/runs/" + last + "/cancel", "");
    assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
    assertThat(cancelled.object().getString("status")).isEqualTo("CANCELLED");
    assertThat(cancelled.object().getString("error")).isEqualTo("Cancelled by runner");
    for (String run : runs.subList(0, runs.size() - 1)) {
      runner.post("api/runs/" + run + "/cancel", "");
    }
    Api.sleep(1_000);
    JsonObject stored = runner.get("api/runs/" + last).object();
    assertThat(stored.getString("status")).isEqualTo("CANCELLED");
    assertThat(stored.get("traceId")).as("it never started").isEqualTo(JsonValue.NULL);
  }

  @Test
  void aRunPastItsTimeLimitIsCancelled() {
    Api admin = new Api(baseUrl);
    assertThat(
            admin
                .put(
                    "api/workflows/time-limited",
                    "{\"id\": \"time-limited\", \"timeoutMs\": 300, \"nodes\": [{\"id\": \"wait\","
                        + " \"type\": \"delay\", \"config\": {\"ms\": 5000}}]}")
                .status())
        .isIn(200, 201);
    long started = System.nanoTime();
    JsonObject run = admin.post("api/workflows/time-limited/runs", "{}").object();
    assertThat(System.nanoTime() - started).isLessThan(Duration.ofSeconds(3).toNanos());
    assertThat(run.getString("status")).isEqualTo("CANCELLED");
    assertThat(run.getString("error")).contains("Timed out", "300 ms");
    JsonObject trace = admin.awaitComplete(run.getString("traceId"));
    assertThat(cancelledSpans(trace))
        .extracting(s -> s.getString("name"))
        .containsExactlyInAnyOrder("run time-limited", "delay wait", "wait attempt 1");
  }

  @Test
  void aCancelRacingTheRunsEndIsSettledOnce() throws Exception {
    Api runner = Api.as(baseUrl, "runner", "runner-password");
    java.util.Map<String, Integer> outcomes = new java.util.TreeMap<>();
    for (int i = 0; i < 24; i++) {
      String runId =
          runner
              .post("api/workflows/hello-llm/runs", "{}", "Prefer", "respond-async")
              .object()
              .getString("runId");
      Api.sleep(i * 4L); // from before the run starts to after it has ended
      Api.Answer cancel = runner.post("api/runs/" + runId + "/cancel", "");
      JsonObject ended =
          runner
              .await(
                  "api/runs/" + runId,
                  a ->
                      a.status() == 200
                          && !"QUEUED RUNNING".contains(a.object().getString("status")),
                  Duration.ofSeconds(30))
              .object();
      String status = ended.getString("status");
      outcomes.merge(cancel.status() + " " + status, 1, Integer::sum);
      if (cancel.status() == 409) {
        assertThat(status).isEqualTo("SUCCEEDED");
      } else {
        assertThat(cancel.status()).as(cancel.text()).isIn(200, 202);
        assertThat(status).isIn("CANCELLED", "SUCCEEDED");
        if (cancel.status() == 200) {
          assertThat(cancel.object().getString("status")).isEqualTo(status);
        }
      }
      List<Event> events = RunEventStream.read(baseUrl, runId, null);
      assertThat(events.get(events.size() - 1).data().getString("status")).isEqualTo(status);
      Api.sleep(200);
      assertThat(runner.get("api/runs/" + runId).object().getString("status"))
          .as("a final status stays")
          .isEqualTo(status);
    }
    System.out.println("CancelRunIT: cancel answer and final status over 24 races: " + outcomes);
  }

  @Test
  void badRequestsToCancelAreProblems() {
    Api runner = Api.as(baseUrl, "runner", "runner-password");
    String done = runner.post("api/workflows/hello-llm/runs", "{}").object().getString("runId");
    Api.Answer again = runner.post("api/runs/" + done + "/cancel", "");
    assertProblem(again, 409);
    assertThat(again.object().getString("detail")).contains("SUCCEEDED");
    assertProblem(
        Api.as(baseUrl, "viewer", "viewer-password").post("api/runs/" + done + "/cancel", ""), 403);
    assertProblem(runner.post("api/runs/not-a-run/cancel", ""), 400);
    assertProblem(runner.post("api/runs/00000000-0000-0000-0000-000000000000/cancel", ""), 404);
    assertProblem(Api.anonymous(baseUrl).post("api/runs/" + done + "/cancel", ""), 401);
  }

  /** What a cancelled run left: its trace, the nodes that have spans, when the cancel returned. */
  private record Cancelled(JsonObject trace, List<String> nodeSpans) {
    List<JsonObject> cancelledSpans() {
      return CancelRunIT.cancelledSpans(trace);
    }
  }

  /**
   * Starts the workflow queued, watches its events and cancels it at the first event named {@code
   * eventName} of a node whose id starts with {@code nodePrefix}; checks what every cancelled run
   * must show.
   */
  private Cancelled cancelOn(String workflow, String body, String eventName, String nodePrefix)
      throws Exception {
    Api runner = Api.as(baseUrl, "runner", "runner-password");
    String runId =
        runner
            .post("api/workflows/" + workflow + "/runs", body, "Prefer", "respond-async")
            .object()
            .getString("runId");
    AtomicReference<Api.Answer> answer = new AtomicReference<>();
    AtomicReference<Instant> cancelReturned = new AtomicReference<>();
    List<Event> events =
        RunEventStream.read(
            baseUrl,
            runId,
            null,
            event -> {
              if (answer.get() == null
                  && event.name().equals(eventName)
                  && event.data().getString("nodeId").startsWith(nodePrefix)) {
                answer.set(runner.post("api/runs/" + runId + "/cancel", ""));
                cancelReturned.set(Instant.now());
              }
            });
    assertThat(answer.get()).as("the run was cancelled while it ran").isNotNull();
    assertThat(answer.get().status()).as(answer.get().text()).isEqualTo(200);
    assertThat(answer.get().object().getString("status")).isEqualTo("CANCELLED");
    assertThat(answer.get().object().getString("error")).isEqualTo("Cancelled by runner");
    Event end = events.get(events.size() - 1);
    assertThat(end.data().getString("status")).isEqualTo("CANCELLED");

    JsonObject trace = runner.awaitComplete(answer.get().object().getString("traceId"));
    List<JsonObject> spans =
        trace.getJsonArray("spans").stream().map(JsonValue::asJsonObject).toList();
    JsonObject root =
        spans.stream().filter(s -> "run".equals(s.getString("role", ""))).findFirst().orElseThrow();
    assertThat(root.getString("status")).isEqualTo("ERROR");
    assertThat(root.getJsonObject("attributes").getBoolean("workflow.run.cancelled")).isTrue();
    // No node started after the cancel returned.
    assertThat(
            spans.stream()
                .filter(s -> "node".equals(s.getString("role", "")))
                .map(s -> Instant.parse(s.getString("startTime"))))
        .allMatch(start -> !start.isAfter(cancelReturned.get()));
    assertThat(
            events.stream()
                .filter(e -> e.name().equals("NodeAttemptStarted"))
                .map(e -> Instant.parse(e.data().getString("at"))))
        .allMatch(start -> !start.isAfter(cancelReturned.get()));
    List<String> nodeSpans =
        spans.stream()
            .filter(s -> "node".equals(s.getString("role", "")))
            .map(s -> s.getString("nodeId"))
            .toList();
    return new Cancelled(trace, nodeSpans);
  }

  private static List<JsonObject> cancelledSpans(JsonObject trace) {
    return trace.getJsonArray("spans").stream()
        .map(JsonValue::asJsonObject)
        .filter(
            s ->
                s.getJsonObject("attributes").getBoolean("workflow.run.cancelled", false)
                    && "ERROR".equals(s.getString("status")))
        .toList();
  }
}
