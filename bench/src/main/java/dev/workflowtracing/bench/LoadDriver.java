package dev.workflowtracing.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load against a running server over its REST API, as users would drive it. One class for every
 * mode, which share the closed loop, the clock and the report (hence its length).
 *
 * <ul>
 *   <li>{@code throughput <base-url> <seconds> <clients>}: closed loop, each client runs {@code
 *       hello-llm} again as soon as the last run answered; prints runs/s and latency percentiles.
 *   <li>{@code alternating <base-url> <window-seconds> <windows> <clients> [server-pid] [label]}:
 *       the same closed loop against one server, switching the recording of traces on and off at
 *       runtime (admin API) in windows ordered on, off, off, on, ...; prints both modes' runs/s,
 *       latency and, given the server's pid, its CPU per run. One JVM for both modes: fresh servers
 *       for each differed by more than the effect measured.
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

  private static final int USER_HZ = 100; // the unit of CPU times in /proc/<pid>/stat on Linux

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String authorization;

  private LoadDriver(String base) {
    this.base = URI.create(base.endsWith("/") ? base : base + "/");
    this.authorization = BenchLogin.authorization();
  }

  public static void main(String[] args) throws Exception {
    LoadDriver driver = new LoadDriver(args[1]);
    int seconds = Integer.parseInt(args[2]);
    switch (args[0]) {
      case "throughput" ->
          driver.throughput(seconds, Integer.parseInt(args[3]), args.length > 4 ? args[4] : "");
      case "soak" -> driver.soak(seconds, Double.parseDouble(args[3]));
      case "alternating" ->
          driver.alternating(
              seconds,
              Integer.parseInt(args[3]),
              Integer.parseInt(args[4]),
              args.length > 5 ? Long.parseLong(args[5]) : 0,
              args.length > 6 ? args[6] : "on",
              driver::record);
      case "alternating-rollups" ->
          driver.alternating(
              seconds,
              Integer.parseInt(args[3]),
              Integer.parseInt(args[4]),
              Long.parseLong(args[5]),
              "rollups on",
              new RollupSwitch(args[6], args[7]));
      default ->
          throw new IllegalArgumentException(
              "mode: throughput, alternating, alternating-rollups or soak");
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
        Percentiles.millis(latencies, 50),
        Percentiles.millis(latencies, 95),
        Percentiles.millis(latencies, 99));
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
              if (helloLlmSucceeds()) {
                latencies.add(System.nanoTime() - start);
              } else {
                failures.incrementAndGet();
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

  /** One completed run: when it started and how long it took, in nanoseconds. */
  private record Completed(long startNanos, long latencyNanos) {}

  /** What one mode got over its windows. */
  private static final class ModeTotals {
    final List<Long> latencies = new ArrayList<>();
    final List<Double> windowRates = new ArrayList<>();
    long cpuTicks;
    long rollupRuns;
    double seconds;
  }

  /** What the alternating mode switches on and off between windows. */
  private interface Switch {
    void set(boolean on) throws Exception;
  }

  /**
   * The per-node rollups switched through the server's management CLI: the system property {@code
   * workflow.stats.rollups.enabled}, which the server reads at every run end.
   */
  private record RollupSwitch(String jbossCli, String controller) implements Switch {
    @Override
    public void set(boolean on) throws Exception {
      Process cli =
          new ProcessBuilder(
                  jbossCli,
                  "--connect",
                  "--controller=" + controller,
                  "--command=/system-property=workflow.stats.rollups.enabled:write-attribute("
                      + ("name=value,value=" + on + ")"))
              .redirectErrorStream(true)
              .start();
      String output = new String(cli.getInputStream().readAllBytes());
      if (cli.waitFor() != 0 || !output.contains("success")) {
        throw new IllegalStateException("could not switch the rollups " + on + ": " + output);
      }
    }
  }

  private void alternating(
      int windowSeconds, int windows, int clients, long serverPid, String onLabel, Switch toggle)
      throws Exception {
    List<Completed> completed = Collections.synchronizedList(new ArrayList<>());
    AtomicLong failures = new AtomicLong();
    long settleNanos = TimeUnit.SECONDS.toNanos(2);
    AtomicLong stopAt = new AtomicLong(Long.MAX_VALUE);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int c = 0; c < clients; c++) {
      pool.submit(
          () -> {
            while (System.nanoTime() < stopAt.get()) {
              long start = System.nanoTime();
              if (helloLlmSucceeds()) {
                completed.add(new Completed(start, System.nanoTime() - start));
              } else {
                failures.incrementAndGet();
              }
            }
          });
    }
    // Warm-up: both code paths compiled before anything counts. The JIT's compiler threads use
    // a whole core here for the first minute or two; the first windows after a 20 s warm-up were
    // a third slower than the rest.
    for (int w = 0; w < 12; w++) {
      toggle.set(w % 2 == 0);
      Thread.sleep(10_000);
    }
    ModeTotals[] totals = {new ModeTotals(), new ModeTotals()}; // [off, on]
    for (int w = 0; w < windows; w++) {
      // on, off, off, on, on, off, ...: a steady drift of the machine weighs on both alike.
      boolean on = ((w + 1) / 2) % 2 == 0;
      toggle.set(on);
      long rollupsBefore = rollupRunsWritten();
      Thread.sleep(TimeUnit.NANOSECONDS.toMillis(settleNanos)); // spans of the last window flush
      long from = System.nanoTime();
      long ticks = cpuTicks(serverPid);
      Thread.sleep(TimeUnit.SECONDS.toMillis(windowSeconds));
      long to = System.nanoTime();
      ModeTotals mode = totals[on ? 1 : 0];
      mode.cpuTicks += cpuTicks(serverPid) - ticks;
      mode.rollupRuns += rollupRunsWritten() - rollupsBefore;
      mode.seconds += (to - from) / 1e9;
      int inWindow = 0;
      synchronized (completed) {
        for (Completed run : completed) {
          if (run.startNanos() >= from && run.startNanos() + run.latencyNanos() <= to) {
            mode.latencies.add(run.latencyNanos());
            inWindow++;
          }
        }
      }
      mode.windowRates.add(inWindow / ((to - from) / 1e9));
    }
    stopAt.set(0);
    pool.shutdown();
    pool.awaitTermination(60, TimeUnit.SECONDS);
    toggle.set(true);
    if (failures.get() > 0) {
      System.out.println("failed runs: " + failures.get());
    }
    for (int m = 1; m >= 0; m--) {
      ModeTotals mode = totals[m];
      Collections.sort(mode.latencies);
      System.out.printf(
          "| %s | %d | %d x %d s | %d | %.1f | %.1f | %.1f | %.1f | %s |%n",
          m == 1 ? onLabel : "off",
          clients,
          mode.windowRates.size(),
          windowSeconds,
          mode.latencies.size(),
          mode.latencies.size() / mode.seconds,
          Percentiles.millis(mode.latencies, 50),
          Percentiles.millis(mode.latencies, 95),
          Percentiles.millis(mode.latencies, 99),
          serverPid > 0
              ? String.format("%.2f", mode.cpuTicks * 1000.0 / USER_HZ / mode.latencies.size())
              : "-");
    }
    double on = totals[1].latencies.size() / totals[1].seconds;
    double off = totals[0].latencies.size() / totals[0].seconds;
    System.out.printf(
        "on / off throughput: %.3f (windows on: %s; off: %s runs/s)%n",
        on / off, rates(totals[1]), rates(totals[0]));
    System.out.printf(
        "runs added to the per-node rollups while measuring: on %d, off %d%n",
        totals[1].rollupRuns, totals[0].rollupRuns);
  }

  private static String rates(ModeTotals mode) {
    return String.join(" ", mode.windowRates.stream().map(r -> String.format("%.0f", r)).toList());
  }

  /** The server's count of runs added to the per-node rollups ({@code /api/metrics}). */
  private long rollupRunsWritten() {
    try {
      HttpResponse<String> metrics =
          http.send(
              HttpRequest.newBuilder(base.resolve("api/metrics"))
                  .header("Authorization", authorization)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return metrics
          .body()
          .lines()
          .filter(line -> line.startsWith("workflow_tracing_rollup_runs_written_total "))
          .mapToLong(line -> (long) Double.parseDouble(line.substring(line.indexOf(' ') + 1)))
          .findFirst()
          .orElse(-1);
    } catch (Exception e) {
      return -1;
    }
  }

  /** Switches the recording of new traces, as an admin would. */
  private void record(boolean on) {
    JsonObject answer =
        send(
            HttpRequest.newBuilder(base.resolve("api/admin/tracing/recording"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"recording\": " + on + "}")));
    if (answer == null || answer.getJsonObject("pipeline").getBoolean("recording") != on) {
      throw new IllegalStateException("could not switch recording " + (on ? "on" : "off"));
    }
  }

  /** User + system CPU of a process so far, in clock ticks (0 without a pid). */
  private static long cpuTicks(long pid) throws java.io.IOException {
    if (pid <= 0) {
      return 0;
    }
    String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
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

  /** One step of the closed loops: runs hello-llm and says whether it succeeded. */
  private boolean helloLlmSucceeds() {
    JsonObject run = run("hello-llm", "{\"inputs\": {\"name\": \"Ada\"}}");
    return run != null && "SUCCEEDED".equals(run.getString("status"));
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
}
