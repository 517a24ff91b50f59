package dev.workflowtracing.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load against a running server over its REST API, as users would drive it.
 *
 * <ul>
 *   <li>{@code throughput <base-url> <seconds> <clients>}: closed loop, each client runs {@code
 *       hello-llm} again as soon as the last run answered; prints runs/s and latency percentiles.
 *   <li>{@code soak <base-url> <seconds> <runs-per-second>}: open loop at a steady rate over the
 *       sample workflows (with a 1,000-node fan-out every 30 s), then waits for the spans and
 *       prints how many runs have a complete trace tree.
 * </ul>
 *
 * Logs in as BENCH_USER / BENCH_PASSWORD (default: the demo admin).
 */
public final class LoadDriver {

  private static final String[][] SOAK_MIX = {
    {"hello-llm", "{\"inputs\": {\"name\": \"Ada\"}}"},
    {"retry-then-succeed", "{\"inputs\": {\"order\": 7}}"},
    {"always-fails", "{}"},
    {"branching", "{\"inputs\": {\"amount\": 20}}"},
    {"branching", "{\"inputs\": {\"amount\": 500}}"},
    {"html-prompt", "{}"},
    {"redaction-demo", "{\"inputs\": {\"email\": \"ada@example.com\"}}"},
    {"slow-llm-chain", "{\"inputs\": {\"topic\": \"tracing\"}}"},
  };

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String authorization;

  private LoadDriver(String base) {
    this.base = URI.create(base.endsWith("/") ? base : base + "/");
    String user = System.getenv().getOrDefault("BENCH_USER", "admin");
    String password = System.getenv().getOrDefault("BENCH_PASSWORD", "admin-password");
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public static void main(String[] args) throws Exception {
    LoadDriver driver = new LoadDriver(args[1]);
    int seconds = Integer.parseInt(args[2]);
    switch (args[0]) {
      case "throughput" ->
          driver.throughput(seconds, Integer.parseInt(args[3]), args.length > 4 ? args[4] : "");
      case "soak" -> driver.soak(seconds, Double.parseDouble(args[3]));
      default -> throw new IllegalArgumentException("mode: throughput or soak");
    }
  }

  private void throughput(int seconds, int clients, String label) throws Exception {
    // Warm-up: JIT, pools and caches, not counted.
    closedLoop(15, clients);
    List<Long> latencies = closedLoop(seconds, clients);
    Collections.sort(latencies);
    System.out.printf(
        "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f |%n",
        label,
        clients,
        latencies.size(),
        latencies.size() / (double) seconds,
        pct(latencies, 50),
        pct(latencies, 95),
        pct(latencies, 99));
  }

  private List<Long> closedLoop(int seconds, int clients) throws Exception {
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicLong failures = new AtomicLong();
    for (int c = 0; c < clients; c++) {
      pool.submit(
          () -> {
            while (System.nanoTime() < end) {
              long start = System.nanoTime();
              JsonObject run = run("hello-llm", "{\"inputs\": {\"name\": \"Ada\"}}");
              if (run == null || !"SUCCEEDED".equals(run.getString("status"))) {
                failures.incrementAndGet();
              } else {
                latencies.add(System.nanoTime() - start);
              }
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(seconds + 60, TimeUnit.SECONDS);
    if (failures.get() > 0) {
      System.out.println("failed runs: " + failures.get());
    }
    return new ArrayList<>(latencies);
  }

  private void soak(int seconds, double perSecond) throws Exception {
    List<String> traceIds = Collections.synchronizedList(new ArrayList<>());
    AtomicLong failedRequests = new AtomicLong();
    AtomicLong sent = new AtomicLong();
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    ExecutorService workers = Executors.newFixedThreadPool(32);
    long periodMicros = (long) (1_000_000 / perSecond);
    long fanOutEvery = Math.max(1, (long) (30 * perSecond));
    clock.scheduleAtFixedRate(
        () -> {
          long n = sent.getAndIncrement();
          String[] job =
              n % fanOutEvery == fanOutEvery - 1
                  ? new String[] {"fan-out", "{}"}
                  : SOAK_MIX[(int) (n % SOAK_MIX.length)];
          workers.submit(
              () -> {
                JsonObject run = run(job[0], job[1]);
                if (run == null || run.isNull("traceId")) {
                  failedRequests.incrementAndGet();
                } else {
                  traceIds.add(run.getString("traceId"));
                }
              });
        },
        0,
        periodMicros,
        TimeUnit.MICROSECONDS);
    Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
    // The clock first: a tick between its count and its submit must not meet closed workers.
    clock.shutdown();
    clock.awaitTermination(10, TimeUnit.SECONDS);
    workers.shutdown();
    workers.awaitTermination(120, TimeUnit.SECONDS);
    System.out.printf(
        "soak: %d s at %.1f runs/s: %d runs sent, %d answered with a trace, %d requests failed%n",
        seconds, perSecond, sent.get(), traceIds.size(), failedRequests.get());
    Thread.sleep(20_000); // the batch delay, the database queue and retry backoff, with margin
    long complete = 0;
    List<String> incomplete = new ArrayList<>();
    for (String traceId : traceIds) {
      JsonObject trace = get("api/traces/" + traceId);
      if (trace != null && trace.getJsonObject("completeness").getBoolean("complete")) {
        complete++;
      } else if (incomplete.size() < 10) {
        incomplete.add(
            traceId + " " + (trace == null ? "missing" : trace.getJsonObject("completeness")));
      }
    }
    System.out.printf(
        "complete trace trees: %d of %d (%.2f%%)%n",
        complete, traceIds.size(), 100.0 * complete / Math.max(1, traceIds.size()));
    incomplete.forEach(t -> System.out.println("incomplete: " + t));
  }

  private JsonObject run(String workflow, String body) {
    return send(
        HttpRequest.newBuilder(base.resolve("api/workflows/" + workflow + "/runs"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private JsonObject get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  private JsonObject send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(
              request
                  .header("Authorization", authorization)
                  .timeout(Duration.ofSeconds(120))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        return null;
      }
      return Json.createReader(new StringReader(response.body())).readObject();
    } catch (Exception e) {
      return null;
    }
  }

  private static double pct(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1e6;
  }
}
