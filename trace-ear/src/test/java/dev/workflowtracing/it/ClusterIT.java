package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowtracing.it.RunEventStream.Event;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The cluster as bin/cluster starts it from this build: one PostgreSQL database, one standalone
 * ActiveMQ Artemis broker, WildFly's load balancer and two WildFly servers (full-ha). Runs accepted
 * anywhere are executed by whichever server takes them off the shared queue; cancels, event streams
 * and deletes work through either server; a killed server's queued runs execute on the other and
 * its running ones end ABORTED. PostgreSQL pass only (ports from PORT_OFFSET 3000).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final int BASE = 3000;
  private static final Api BALANCER = Api.at("http://localhost:" + (8080 + BASE) + "/");
  private static final Api ONE = Api.at("http://localhost:" + (8180 + BASE) + "/");
  private static final Api TWO = Api.at("http://localhost:" + (8280 + BASE) + "/");
  private static final Duration RECOVERY_BOUND = Duration.ofSeconds(60);

  @BeforeAll
  static void up() throws Exception {
    Assumptions.assumeTrue(
        "postgres".equals(System.getProperty("it.db")), "a cluster needs PostgreSQL");
    cluster("up", "2", "--empty-database");
  }

  @AfterAll
  static void down() throws Exception {
    if ("postgres".equals(System.getProperty("it.db"))) {
      cluster("down");
    }
  }

  /** Both servers were started at the same moment on an empty database (bin/cluster up). */
  @Test
  @Order(0)
  void serversStartedTogetherOnAnEmptyDatabaseMigrateAndLoadTheSamplesOnceWithoutErrors()
      throws Exception {
    Path root = Path.of(System.getProperty("it.root"));
    List<String> samples =
        Files.readAllLines(root.resolve("config/src/main/resources/samples/index.txt")).stream()
            .map(String::trim)
            .filter(line -> line.endsWith(".json"))
            .map(line -> line.substring(0, line.length() - ".json".length()))
            .toList();
    for (Api server : List.of(ONE, TWO)) {
      Map<String, Integer> versions = new TreeMap<>();
      ((jakarta.json.JsonArray) server.get("api/workflows").body())
          .forEach(
              w ->
                  versions.put(
                      w.asJsonObject().getString("id"), w.asJsonObject().getInt("version")));
      assertThat(versions).as("the workflows through " + server.base()).containsOnlyKeys(samples);
      assertThat(versions.values()).as("one load of the samples").containsOnly(1);
    }
    // One set of time partitions, made by the migration (yesterday, today, 3 days ahead and the
    // default one); a second server making one again would have failed (and logged an ERROR).
    for (String table : List.of("spans", "runs")) {
      String partitions = "workflow_tracing_partitions{table=\"" + table + "\"}";
      assertThat(ONE.metric(partitions)).as(partitions).isGreaterThanOrEqualTo(6);
      assertThat(TWO.metric(partitions)).as(partitions).isEqualTo(ONE.metric(partitions));
    }
    for (Api server : List.of(ONE, TWO)) {
      assertThat(server.metric("workflow_tracing_partition_failures_total")).isZero();
    }
    for (int i = 1; i <= 2; i++) {
      Path log = root.resolve("target/cluster/server-" + i + "/log/server.log");
      assertThat(Files.readAllLines(log).stream().filter(line -> line.contains(" ERROR ")).toList())
          .as("ERROR lines in " + log)
          .isEmpty();
    }
  }

  @Test
  @Order(1)
  void runsSentAnywhereAllEndCompleteAndBothServersExecuteThem() {
    List<String> runs = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      runs.add(BALANCER.startAsync("hello-llm", "{\"name\": \"b" + i + "\"}"));
    }
    for (int i = 0; i < 50; i++) {
      runs.add(ONE.startAsync("hello-llm", "{\"name\": \"one" + i + "\"}"));
      runs.add(TWO.startAsync("hello-llm", "{\"name\": \"two" + i + "\"}"));
    }
    Map<String, Long> byServer = new TreeMap<>();
    for (String runId : runs) {
      JsonObject run = BALANCER.awaitEnded(runId, Duration.ofSeconds(120));
      assertThat(run.getString("status")).as(runId).isEqualTo("SUCCEEDED");
      byServer.merge(run.getString("executedBy"), 1L, Long::sum);
    }
    System.out.println("ClusterIT: 300 runs executed by " + byServer);
    assertThat(byServer).containsOnlyKeys("server-1", "server-2");
    // Every trace is complete, read through either server.
    for (int i = 0; i < runs.size(); i += 25) {
      JsonObject run = (i % 2 == 0 ? ONE : TWO).get("api/runs/" + runs.get(i)).object();
      assertThat(run.getBoolean("complete")).as("trace of " + runs.get(i)).isTrue();
    }
    // Both servers added their runs to the same hours' per-node rollups at once: each node is
    // counted once per run, read through either server, and nothing was left out.
    for (Api server : List.of(ONE, TWO)) {
      server.await(
          "api/workflows/hello-llm/stats",
          a -> a.status() == 200 && everyNodeRan(a.object(), runs.size()),
          Duration.ofSeconds(10));
      assertThat(server.metric("workflow_tracing_rollup_runs_dropped_total")).isZero();
    }
  }

  private static boolean everyNodeRan(JsonObject stats, long times) {
    var nodes = stats.getJsonArray("nodes");
    return !nodes.isEmpty()
        && nodes.stream()
            .allMatch(n -> n.asJsonObject().getJsonNumber("executions").longValue() == times);
  }

  @Test
  @Order(2)
  void aStreamThroughTheOtherServerGetsTheSameEventsWithTheSameNumbers() throws Exception {
    // Four 1-second nodes: the streams join while nodes are still to come, on any machine.
    String chain =
        """
        {"id": "it-relay-chain", "nodes": [
          {"id": "a", "type": "llm", "config": {"model": "sim-small", "prompt": "a", "latencyMs": 1000}},
          {"id": "b", "type": "llm", "config": {"model": "sim-small", "prompt": "b", "latencyMs": 1000}},
          {"id": "c", "type": "llm", "config": {"model": "sim-small", "prompt": "c", "latencyMs": 1000}},
          {"id": "d", "type": "llm", "config": {"model": "sim-small", "prompt": "d", "latencyMs": 1000}}],
         "edges": [{"from": "a", "to": "b"}, {"from": "b", "to": "c"}, {"from": "c", "to": "d"}]}
        """;
    assertThat(BALANCER.put("api/workflows/it-relay-chain", chain).status()).isEqualTo(201);
    String runId = BALANCER.startAsync("it-relay-chain", null);
    JsonObject running =
        BALANCER
            .await(
                "api/runs/" + runId,
                a -> a.status() == 200 && "RUNNING".equals(a.object().getString("status")),
                Duration.ofSeconds(30))
            .object();
    Api executing = running.getString("executedBy").equals("server-1") ? ONE : TWO;
    Api other = executing == ONE ? TWO : ONE;
    var throughExecuting = readAsync(executing, runId);
    var throughOther = readAsync(other, runId);

    List<Event> direct = throughExecuting.get(60, TimeUnit.SECONDS);
    List<Event> relayed = throughOther.get(60, TimeUnit.SECONDS);

    System.out.println("ClusterIT: relayed " + relayed.stream().map(Event::name).toList());
    // Through the other server: the stored status at first, then the executing server's updates
    // with its numbers: a snapshot standing for the events up to it, then every event after it.
    Event snapshot =
        relayed.stream().filter(e -> e.name().equals("RunSnapshot")).findFirst().orElseThrow();
    List<Event> after = relayed.subList(relayed.indexOf(snapshot) + 1, relayed.size());
    List<Event> expected = direct.stream().filter(e -> e.id() > snapshot.id()).toList();
    assertThat(after).extracting(Event::id).isEqualTo(expected.stream().map(Event::id).toList());
    assertThat(after)
        .extracting(Event::name)
        .isEqualTo(expected.stream().map(Event::name).toList());
    assertThat(after)
        .extracting(Event::data)
        .isEqualTo(expected.stream().map(Event::data).toList());
    assertThat(after).extracting(Event::name).contains("NodeAttemptStarted", "NodeAttemptEnded");
    assertThat(relayed).last().extracting(Event::name).isEqualTo("RunEnded");
    // The live state through the other server too: it has the run's relayed state.
    JsonObject read = other.get("api/runs/" + runId).object();
    assertThat(read.getString("status")).isEqualTo("SUCCEEDED");
    assertThat(read.getJsonObject("live").getString("status")).isEqualTo("SUCCEEDED");
    assertThat(read.getJsonObject("live").getJsonArray("nodes")).hasSize(4);
  }

  private static java.util.concurrent.CompletableFuture<List<Event>> readAsync(
      Api server, String runId) {
    return java.util.concurrent.CompletableFuture.supplyAsync(
        () -> {
          try {
            return RunEventStream.read(server.base().toURL(), runId, null);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  @Test
  @Order(3)
  void aRunIsCancelledAndWatchedThroughTheServerThatDoesNotExecuteIt() throws Exception {
    String runId = BALANCER.startAsync("slow-llm-chain", "{\"topic\": \"cluster\"}");
    JsonObject running =
        BALANCER
            .await(
                "api/runs/" + runId,
                a -> a.status() == 200 && "RUNNING".equals(a.object().getString("status")),
                Duration.ofSeconds(30))
            .object();
    Api other = running.getString("executedBy").equals("server-1") ? TWO : ONE;
    var stream = readAsync(other, runId);
    Api.Answer cancelled = other.post("api/runs/" + runId + "/cancel", "");
    assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
    assertThat(cancelled.object().getString("status")).isEqualTo("CANCELLED");
    List<Event> events = stream.get(30, TimeUnit.SECONDS);
    assertThat(events).last().extracting(Event::name).isEqualTo("RunEnded");
    assertThat(events.get(events.size() - 1).data().getString("status")).isEqualTo("CANCELLED");
    JsonObject trace = other.awaitComplete(cancelled.object().getString("traceId"));
    assertThat(
            trace.getJsonArray("spans").stream()
                .map(s -> s.asJsonObject())
                .filter(s -> "run".equals(s.getString("role", "")))
                .findFirst()
                .orElseThrow()
                .getJsonObject("attributes")
                .getBoolean("workflow.run.cancelled"))
        .isTrue();
  }

  @Test
  @Order(4)
  void aTraceDeletedThroughOneServerIsGoneThroughTheOtherAtOnce() {
    Api.Answer run = ONE.post("api/workflows/hello-llm/runs", "{\"inputs\": {\"name\": \"gone\"}}");
    String traceId = run.object().getString("traceId");
    TWO.awaitComplete(traceId); // read, so that server 2 has it in its cache
    assertThat(TWO.get("api/traces/" + traceId).status()).isEqualTo(200);
    Api.Answer deleted = ONE.delete("api/traces/" + traceId);
    assertThat(deleted.status()).as(deleted.text()).isIn(200, 204);
    assertThat(TWO.get("api/traces/" + traceId).status()).isEqualTo(404);
  }

  /**
   * A finished trace read (and cached) through server 2 gains a span another service sent through
   * server 1's receiver: server 2 serves it with that span at once, not its cached copy.
   */
  @Test
  @Order(4)
  void aSpanSentThroughOneServerJoinsTheTraceTheOtherHasCached() throws Exception {
    Api.Answer run =
        ONE.post("api/workflows/hello-llm/runs", "{\"inputs\": {\"name\": \"joined\"}}");
    String traceId = run.object().getString("traceId");
    JsonObject cached = TWO.awaitComplete(traceId);
    String rootSpanId = cached.getJsonArray("spans").getJsonObject(0).getString("spanId");
    byte[] body =
        OtlpIngestIT.request("inventory", traceId, OtlpIngestIT.hexId(8), rootSpanId, 1)
            .toByteArray();
    var answer =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(ONE.base().resolve("/v1/traces"))
                    .header("Content-Type", "application/x-protobuf")
                    .header("Authorization", "Bearer " + OtlpIngestIT.TOKEN)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    assertThat(answer.statusCode()).isEqualTo(200);

    JsonObject fresh = TWO.get("api/traces/" + traceId).object();
    assertThat(fresh.getJsonObject("completeness").getInt("foreignSpans")).isEqualTo(1);
    assertThat(fresh.getInt("spanCount")).isEqualTo(cached.getInt("spanCount") + 1);
  }

  /**
   * Both servers tick at the same moments; one purges and the other skips. A server that was not up
   * yet at a tick makes the other's count higher, never the sum of the purges.
   */
  @Test
  @Order(5)
  void eachRetentionTickPurgesOnOneServerOnly() {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    String seen = "";
    while (System.nanoTime() < deadline) {
      long purgedOne = ONE.metric("workflow_tracing_retention_ticks_purged_total");
      long purgedTwo = TWO.metric("workflow_tracing_retention_ticks_purged_total");
      long ticksOne = purgedOne + ONE.metric("workflow_tracing_retention_ticks_skipped_total");
      long ticksTwo = purgedTwo + TWO.metric("workflow_tracing_retention_ticks_skipped_total");
      seen =
          "purged %d and %d of %d and %d ticks".formatted(purgedOne, purgedTwo, ticksOne, ticksTwo);
      // Read while a tick is under way, the skipping server may have counted it already.
      if (ticksOne > 0 && ticksTwo > 0 && purgedOne + purgedTwo == Math.max(ticksOne, ticksTwo)) {
        System.out.println("ClusterIT: retention " + seen);
        return;
      }
      Api.sleep(1_000);
    }
    throw new AssertionError("Not one purge per retention tick: " + seen);
  }

  @Test
  @Order(6)
  void whenAServerIsKilledItsQueuedRunsExecuteOnTheOtherAndItsRunningOnesEndAborted()
      throws Exception {
    List<String> runs = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      runs.add(BALANCER.startAsync("slow-llm-chain", "{\"topic\": \"kill " + i + "\"}"));
    }
    BALANCER.await(
        "api/runs/" + runs.get(0),
        a -> a.status() == 200 && !"QUEUED".equals(a.object().getString("status")),
        Duration.ofSeconds(30));
    cluster("kill", "1");
    long killedAt = System.nanoTime();
    Map<String, Long> outcome = new TreeMap<>();
    for (String runId : runs) {
      JsonObject run = TWO.awaitEnded(runId, RECOVERY_BOUND.plusSeconds(60));
      String key = run.getString("status") + " on " + run.getString("executedBy", "?");
      outcome.merge(key, 1L, Long::sum);
      if (run.getString("status").equals("ABORTED")) {
        assertThat(run.getString("executedBy")).isEqualTo("server-1");
        assertThat(run.getString("error")).contains("server-1");
      } else {
        assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
        // Executed once: exactly its own spans, complete.
        assertThat(run.getBoolean("complete")).as("trace of " + runId).isTrue();
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - killedAt);
    System.out.println("ClusterIT: after killing server 1: " + outcome + ", all ended in " + took);
    assertThat(outcome.keySet()).contains("SUCCEEDED on server-2");
    assertThat(took).isLessThan(RECOVERY_BOUND.plusSeconds(30));
    cluster("start", "1");
  }

  @Test
  @Order(7)
  void theQueueIsCountedByTheBrokerAndWhileTheBrokerIsDownNothingIsAcceptedOrLost()
      throws Exception {
    List<String> runs = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      runs.add(ONE.startAsync("slow-llm-chain", "{\"topic\": \"broker " + i + "\"}"));
    }
    // Accepted by server 1, counted from server 2: the depth is the broker's.
    long seen = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (seen == 0 && System.nanoTime() < deadline) {
      seen = TWO.metric("workflow_tracing_run_queue_depth");
      Api.sleep(100);
    }
    assertThat(seen).as("queue depth read through server 2").isPositive();

    cluster("broker", "stop");
    try {
      // The servers notice within 10 s that the broker does not answer (a send would wait).
      Thread.sleep(12_000);
      Api.Answer refused =
          BALANCER.post("api/workflows/hello-llm/runs", "{}", "Prefer", "respond-async");
      ProblemResponsesIT.assertProblem(refused, 503);
      assertThat(refused.header("Retry-After")).isEqualTo("5");
      assertThat(refused.object().getString("detail")).contains("broker");
      // A run that does not go through the queue still runs.
      assertThat(BALANCER.post("api/workflows/hello-llm/runs", "{}").status()).isEqualTo(201);
    } finally {
      cluster("broker", "start");
    }

    // Nothing accepted before the outage is lost: every run ends, most of them as they would have.
    Map<String, Long> outcome = new TreeMap<>();
    for (String runId : runs) {
      JsonObject run = BALANCER.awaitEnded(runId, Duration.ofSeconds(180));
      outcome.merge(run.getString("status"), 1L, Long::sum);
    }
    System.out.println("ClusterIT: runs queued before the broker's outage: " + outcome);
    assertThat(outcome.keySet()).containsAnyOf("SUCCEEDED").isSubsetOf("SUCCEEDED", "ABORTED");
    String after = BALANCER.startAsync("hello-llm", null);
    assertThat(BALANCER.awaitEnded(after, Duration.ofSeconds(60)).getString("status"))
        .isEqualTo("SUCCEEDED");
  }

  private static void cluster(String... args) throws Exception {
    Path root = Path.of(System.getProperty("it.root"));
    List<String> command = new ArrayList<>(List.of(root.resolve("bin/cluster").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).inheritIO();
    builder.environment().put("PORT_OFFSET", String.valueOf(BASE));
    // A retention tick every minute, so that the test sees several of them.
    builder.environment().put("CLUSTER_SERVER_OPTS", "-Dtracing.retention.interval-minutes=1");
    Process process = builder.start();
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("bin/cluster " + args[0]).isTrue();
    assertThat(process.exitValue()).as("bin/cluster " + String.join(" ", args)).isZero();
  }
}
