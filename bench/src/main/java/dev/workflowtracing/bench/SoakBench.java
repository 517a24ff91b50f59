package dev.workflowtracing.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A soak at saturation (bench/soak-bench.sh): {@code clients} clients run hello-llm as fast as the
 * server answers for {@code minutes}; every minute the runs/s of that minute, the answers refused
 * (503) or failed, the heap in use just after a full GC ({@code jcmd GC.run}, then {@code
 * GC.heap_info}: it counts what the server allocated between the two commands too), the live heap
 * exactly (the total of {@code GC.class_histogram}, which collects first and counts what is
 * reachable), the stored span count, and what the bounded holdings the metrics report hold then
 * (the span queues' bytes, the live runs' estimated bytes). At the end: whether every run of the
 * last minute has a complete trace, and the class histogram's top entries. Writes the first run's
 * id to {@code first-run} and the last run's to {@code last-run} (one the span cap keeps) for the
 * script to look up after a restart.
 *
 * <p>{@code SoakBench <base-url> <server-pid> <otlp-port> <minutes> <clients> <out-dir>}
 */
public final class SoakBench {

  private static final Pattern USED = Pattern.compile("used (\\d+)K");
  private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)");

  private final BenchApi api;

  private SoakBench(BenchApi api) {
    this.api = api;
  }

  public static void main(String[] args) throws Exception {
    SoakBench bench = new SoakBench(BenchApi.at(args[0]));
    AtomicLong otlpBytes = new AtomicLong();
    var otlp = OtlpSink.start(Integer.parseInt(args[2]), otlpBytes);
    try {
      bench.soak(
          Long.parseLong(args[1]),
          Integer.parseInt(args[3]),
          Integer.parseInt(args[4]),
          Path.of(args[5]));
      System.out.printf("%nOTLP received %,d bytes of spans from the server%n", otlpBytes.get());
    } finally {
      otlp.stop(0);
    }
  }

  private void soak(long pid, int minutes, int clients, Path out) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong ok = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    ConcurrentLinkedQueue<String[]> lastMinute = new ConcurrentLinkedQueue<>();
    AtomicBoolean recordLastMinute = new AtomicBoolean();
    AtomicReference<String> lastRun = new AtomicReference<>();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int c = 0; c < clients; c++) {
      pool.submit(
          () -> {
            while (!stop.get()) {
              String[] run = runHelloLlm(refused, failed);
              if (run != null) {
                if (ok.incrementAndGet() == 1) {
                  Files.writeString(out.resolve("first-run"), run[0]);
                }
                lastRun.set(run[0]);
                if (recordLastMinute.get()) {
                  lastMinute.add(run);
                }
              }
            }
            return null;
          });
    }
    System.out.printf(
        "%6s %8s %8s %8s %14s %8s %12s %10s %12s%n",
        "minute",
        "runs/s",
        "refused",
        "failed",
        "after GC.run MB",
        "live MB",
        "stored spans",
        "queues MB",
        "live runs MB");
    List<Double> rates = new ArrayList<>();
    long lastOk = 0;
    long lastRefused = 0;
    long lastFailed = 0;
    for (int minute = 1; minute <= minutes; minute++) {
      recordLastMinute.set(minute == minutes);
      Thread.sleep(TimeUnit.MINUTES.toMillis(1));
      long done = ok.get();
      double rate = (done - lastOk) / 60.0;
      rates.add(rate);
      String metrics = metrics();
      System.out.printf(
          "%6d %8.1f %8d %8d %14.1f %8.1f %12s %10.1f %12.1f%n",
          minute,
          rate,
          refused.get() - lastRefused,
          failed.get() - lastFailed,
          heapAfterGcMb(pid),
          liveHeapMb(pid),
          metric(metrics, "workflow_tracing_retention_stored_spans", "")
              .map(String::valueOf)
              .orElse("-"),
          metric(metrics, "workflow_tracing_queue_bytes", "\\{[^}]*\\}").orElse(-1L) / 1048576.0,
          metric(metrics, "workflow_tracing_live_runs_bytes", "").orElse(-1L) / 1048576.0);
      lastOk = done;
      lastRefused = refused.get();
      lastFailed = failed.get();
    }
    stop.set(true);
    pool.shutdown();
    pool.awaitTermination(2, TimeUnit.MINUTES);
    if (lastRun.get() != null) {
      Files.writeString(out.resolve("last-run"), lastRun.get());
    }
    int window = Math.max(1, Math.min(5, minutes / 3));
    double first = rates.subList(0, window).stream().mapToDouble(d -> d).average().orElse(0);
    double last =
        rates.subList(rates.size() - window, rates.size()).stream()
            .mapToDouble(d -> d)
            .average()
            .orElse(0);
    System.out.printf(
        "%nthroughput: first %d min %.1f runs/s, last %d min %.1f runs/s: %.2fx; %d runs, %d"
            + " refused, %d failed%n",
        window, first, window, last, last / first, ok.get(), refused.get(), failed.get());
    if (rates.size() > window * 2) {
      // The first minute is the JIT's warm-up: the same comparison without it.
      double warm = rates.subList(1, window + 1).stream().mapToDouble(d -> d).average().orElse(0);
      System.out.printf(
          "without the first minute: minutes 2-%d %.1f runs/s, last %d min: %.2fx%n",
          window + 1, warm, window, last / warm);
    }
    checkLastMinute(new ArrayList<>(lastMinute));
    System.out.println("\nclass histogram after a full GC (top 12):");
    jcmd(pid, "GC.class_histogram").lines().limit(15).forEach(System.out::println);
  }

  private void checkLastMinute(List<String[]> runs) throws Exception {
    Thread.sleep(3_000); // spans reach the database a moment after the run
    int complete = 0;
    List<String> incomplete = new ArrayList<>();
    for (String[] run : runs) {
      HttpResponse<String> trace = get("api/traces/" + run[1] + "?details=omit");
      if (trace.statusCode() == 200
          && json(trace.body()).getJsonObject("completeness").getBoolean("complete")) {
        complete++;
      } else if (incomplete.size() < 10) {
        incomplete.add(run[0]);
      }
    }
    System.out.printf(
        "runs of the last minute with a complete trace: %d of %d%s%n",
        complete, runs.size(), incomplete.isEmpty() ? "" : " (incomplete: " + incomplete + ")");
  }

  /** Runs hello-llm and answers {runId, traceId}, or null when refused or failed. */
  private String[] runHelloLlm(AtomicLong refused, AtomicLong failed) {
    try {
      HttpResponse<String> answer =
          api.http()
              .send(
                  api.request("api/workflows/hello-llm/runs")
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString("{\"inputs\": {\"name\": \"Ada\"}}"))
                      .timeout(Duration.ofSeconds(60))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() == 503) {
        refused.incrementAndGet();
        Thread.sleep(100);
        return null;
      }
      JsonObject run = json(answer.body());
      if (answer.statusCode() / 100 != 2 || !"SUCCEEDED".equals(run.getString("status", ""))) {
        failed.incrementAndGet();
        return null;
      }
      return new String[] {run.getString("runId"), run.getString("traceId")};
    } catch (Exception e) {
      failed.incrementAndGet();
      return null;
    }
  }

  private String metrics() {
    try {
      return get("api/metrics").body();
    } catch (Exception e) {
      return "";
    }
  }

  /** The sum of a metric's samples (its labels matching {@code labels}), if it has any. */
  private static Optional<Long> metric(String metrics, String name, String labels) {
    Matcher m = Pattern.compile("(?m)^" + name + labels + " (-?\\d+)").matcher(metrics);
    long sum = 0;
    boolean found = false;
    while (m.find()) {
      sum += Long.parseLong(m.group(1));
      found = true;
    }
    return found ? Optional.of(sum) : Optional.empty();
  }

  private static double heapAfterGcMb(long pid) throws Exception {
    jcmd(pid, "GC.run");
    Matcher m = USED.matcher(jcmd(pid, "GC.heap_info"));
    return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : -1;
  }

  /** Every reachable object's bytes: the histogram collects first, in the same pause. */
  private static double liveHeapMb(long pid) throws Exception {
    Matcher m = TOTAL.matcher(jcmd(pid, "GC.class_histogram"));
    return m.find() ? Long.parseLong(m.group(1)) / 1048576.0 : -1;
  }

  private static String jcmd(long pid, String command) throws Exception {
    Process process =
        new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(60, TimeUnit.SECONDS);
    return output;
  }

  private HttpResponse<String> get(String path) throws Exception {
    return api.get(path);
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }
}
