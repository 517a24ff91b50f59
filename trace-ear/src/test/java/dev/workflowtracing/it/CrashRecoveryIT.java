package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Nothing silent on a crash: the server is killed (SIGKILL) while 20 accepted runs are queued or
 * running. After a restart every one of them ends SUCCEEDED, FAILED or ABORTED, none stays RUNNING
 * and none is lost: the queued ones were still on the persistent queue and ran, the ones that were
 * running ended ABORTED with the reason, and their traces say what is missing; the ones that had
 * ended just before the kill have their whole trace.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CrashRecoveryIT {

  private static final String CONTAINER = "restartable";
  private static final String EAR = "crash-ear";
  private static final int RUNS = 20;

  @ArquillianResource ContainerController containers;
  @ArquillianResource Deployer deployer;

  private final Api api = Api.at("http://localhost:8180/");

  @Deployment(name = EAR, managed = false, testable = false)
  @TargetsContainer(CONTAINER)
  static EnterpriseArchive ear() {
    return Deployments.builtEar();
  }

  @AfterEach
  void stop() {
    if (containers.isStarted(CONTAINER)) {
      deployer.undeploy(EAR);
      containers.stop(CONTAINER);
    }
  }

  @Test
  void afterAKillEveryAcceptedRunEndsAndNoneIsLost() throws Exception {
    containers.start(CONTAINER);
    if (api.get("api/workflows").status() == 200) {
      deployer.undeploy(EAR); // left deployed by another test: the server restored it at boot
    }
    deployer.deploy(EAR);

    List<String> accepted = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      Api.Answer answer =
          api.post(
              "api/workflows/slow-llm-chain/runs",
              "{\"inputs\": {\"topic\": \"crash " + i + "\"}}",
              "Prefer",
              "respond-async");
      assertThat(answer.status()).as(answer.text()).isEqualTo(202);
      accepted.add(answer.object().getString("runId"));
    }
    // Kill as soon as a run has ended: others are in the middle of a node or still queued, and
    // the spans of the ones that just ended would still be queued (this server's batch delay is a
    // minute) if a run's end did not wait for them to be stored.
    List<String> finishedAtTheKill = List.of();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (finishedAtTheKill.isEmpty() && System.nanoTime() < deadline) {
      finishedAtTheKill =
          accepted.stream()
              .filter(
                  id -> "SUCCEEDED".equals(api.get("api/runs/" + id).object().getString("status")))
              .toList();
    }
    assertThat(finishedAtTheKill).as("runs that ended before the kill").isNotEmpty();
    Map<String, Long> before = statuses(accepted);
    assertThat(before).containsKey("RUNNING");
    assertThat(before.getOrDefault("QUEUED", 0L)).as("runs still queued at the kill").isPositive();

    ServerProcesses.kill("it-restartable-server");
    containers.kill(CONTAINER);
    containers.start(CONTAINER); // boots with the EAR it had deployed

    // Every accepted run ends, one way or the other.
    for (String runId : accepted) {
      api.await(
          "api/runs/" + runId,
          a ->
              a.status() == 200
                  && List.of("SUCCEEDED", "FAILED", "ABORTED")
                      .contains(a.object().getString("status")),
          Duration.ofSeconds(90));
    }
    Map<String, Long> after = statuses(accepted);
    // A run reported finished has its whole trace, also when the server was killed right after.
    for (String runId : finishedAtTheKill) {
      JsonObject run = api.get("api/runs/" + runId).object();
      assertThat(run.getBoolean("complete"))
          .as("trace of " + runId + " that ended before the kill")
          .isTrue();
    }
    System.out.printf("CrashRecoveryIT: at the kill %s; after the restart %s%n", before, after);
    assertThat(after.values().stream().mapToLong(Long::longValue).sum())
        .as("accepted runs found after the restart")
        .isEqualTo(RUNS);
    assertThat(after).containsOnlyKeys("SUCCEEDED", "ABORTED");
    assertThat(after.get("ABORTED")).as("runs cut off by the kill").isPositive();
    assertThat(after.get("SUCCEEDED")).as("queued runs executed after the restart").isPositive();

    JsonObject aborted =
        accepted.stream()
            .map(id -> api.get("api/runs/" + id).object())
            .filter(run -> run.getString("status").equals("ABORTED"))
            .findFirst()
            .orElseThrow();
    assertThat(aborted.getString("error")).contains("Aborted", "stopped");
    // Its trace says what is missing (the server's batch delay here is a minute: it may hold
    // none of the run's spans, but it has the run's record).
    if (aborted.get("traceId") instanceof jakarta.json.JsonString traceId) {
      Api.Answer trace = api.get("api/traces/" + traceId.getString());
      assertThat(trace.status()).as(trace.text()).isEqualTo(200);
      JsonObject completeness = trace.object().getJsonObject("completeness");
      assertThat(completeness.getBoolean("complete")).isFalse();
      assertThat(completeness.getJsonArray("missing"))
          .extracting(v -> ((jakarta.json.JsonString) v).getString())
          .anyMatch(line -> line.contains("the run's own span"));
    }
    // Every aborted run's totals are those of the model calls whose spans were stored.
    for (String runId : accepted) {
      JsonObject run = api.get("api/runs/" + runId).object();
      if (!run.getString("status").equals("ABORTED")
          || !(run.get("traceId") instanceof jakarta.json.JsonString traceId)) {
        continue;
      }
      long stored =
          api.get("api/traces/" + traceId.getString()).object().getJsonArray("spans").stream()
              .map(v -> v.asJsonObject().getJsonObject("attributes"))
              .mapToLong(
                  a ->
                      a.get("gen_ai.usage.input_tokens") instanceof jakarta.json.JsonNumber n
                          ? n.longValue()
                          : 0)
              .sum();
      long kept =
          run.isNull("usage")
              ? 0
              : run.getJsonObject("usage").getJsonNumber("inputTokens").longValue();
      assertThat(kept).as("input tokens of aborted run %s", runId).isEqualTo(stored);
    }
  }

  private Map<String, Long> statuses(List<String> runIds) {
    return runIds.stream()
        .map(id -> api.get("api/runs/" + id).object().getString("status"))
        .collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
  }
}
