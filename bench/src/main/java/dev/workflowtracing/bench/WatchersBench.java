package dev.workflowtracing.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Watchers of a running 1,000-node fan-out (2,005 spans), as browsers watch it (bench/watchers-
 * bench.sh): one client runs the fan-out back to back; {@code watchers} clients follow each new
 * run's event stream and then read its trace once, as the Canvas does. In alternating windows
 * against one server, each watcher also re-reads the whole trace every second while the run goes on
 * ("polling": what the Canvas did before it drew a running run from its events alone) or does not
 * ("events only"). Reports fan-outs per second and the server's CPU seconds per fan-out (from /proc
 * of its JVM), the median of each mode's windows, and their ratio.
 *
 * <p>{@code WatchersBench <base-url> <server-pid> <otlp-port> <seconds> <windows> <watchers>}
 */
public final class WatchersBench {

  private static final Pattern TRACE_ID = Pattern.compile("\"traceId\":\"([0-9a-f]{32})\"");
  private static final long POLL_MS = 1_000;

  private final BenchApi api;
  private final AtomicReference<String> newest = new AtomicReference<>();
  private final AtomicLong traceReads = new AtomicLong();
  private final AtomicLong events = new AtomicLong();

  private WatchersBench(BenchApi api) {
    this.api = api;
  }

  public static void main(String[] args) throws Exception {
    BenchApi api = BenchApi.http11At(args[0]);
    long pid = Long.parseLong(args[1]);
    int otlpPort = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    int windows = Integer.parseInt(args[4]);
    int watchers = Integer.parseInt(args[5]);
    HttpServer otlp = OtlpSink.start(otlpPort, new AtomicLong());
    try {
      WatchersBench bench = new WatchersBench(api);
      bench.window(Math.max(10, seconds), watchers, false, pid); // warm-up, not counted
      List<double[]> polling = new ArrayList<>();
      List<double[]> eventsOnly = new ArrayList<>();
      System.out.printf(
          "%-12s %10s %12s %14s %12s%n",
          "mode", "fan-outs/s", "CPU s/fan-out", "trace reads/s", "events/s");
      for (int w = 0; w < windows; w++) {
        boolean poll = w % 2 == 0;
        double[] result = bench.window(seconds, watchers, poll, pid);
        (poll ? polling : eventsOnly).add(result);
        System.out.printf(
            "%-12s %10.2f %12.3f %14.1f %12.0f%n",
            poll ? "polling" : "events only", result[0], result[1], result[2], result[3]);
      }
      double[] p = medians(polling);
      double[] e = medians(eventsOnly);
      System.out.printf(
          "%nmedian of %d windows each, %d watchers: fan-outs/s %.2f (events only) vs %.2f"
              + " (polling) = %.2fx; server CPU per fan-out %.3f s vs %.3f s = %.2fx%n",
          windows / 2, watchers, e[0], p[0], e[0] / p[0], e[1], p[1], e[1] / p[1]);
    } finally {
      otlp.stop(0);
    }
  }

  /** One window: runs/s, CPU s per run, trace reads/s, events/s. */
  private double[] window(int seconds, int watchers, boolean poll, long pid) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(watchers + 1);
    traceReads.set(0);
    events.set(0);
    AtomicLong runs = new AtomicLong();
    long cpuBefore = cpuTicks(pid);
    long start = System.nanoTime();
    pool.submit(
        () -> {
          while (!stop.get()) {
            String runId = startFanOut();
            newest.set(runId);
            readStream(runId, new AtomicReference<>(), new AtomicBoolean());
            runs.incrementAndGet();
          }
          return null;
        });
    for (int i = 0; i < watchers; i++) {
      pool.submit(() -> watch(stop, poll));
    }
    Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
    stop.set(true);
    pool.shutdown();
    if (!pool.awaitTermination(120, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the clients did not finish");
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (cpuTicks(pid) - cpuBefore) / 100.0;
    return new double[] {
      runs.get() / elapsed,
      cpuSeconds / Math.max(1, runs.get()),
      traceReads.get() / elapsed,
      events.get() / elapsed
    };
  }

  /**
   * Follows each newest run: its events to the end (polling its trace meanwhile), then its trace.
   */
  private Void watch(AtomicBoolean stop, boolean poll) throws Exception {
    String followed = null;
    while (!stop.get()) {
      String runId = newest.get();
      if (runId == null || runId.equals(followed)) {
        Thread.sleep(20);
        continue;
      }
      followed = runId;
      AtomicReference<String> traceId = new AtomicReference<>();
      AtomicBoolean ended = new AtomicBoolean();
      Thread poller = null;
      if (poll) {
        poller =
            new Thread(
                () -> {
                  while (!ended.get()) {
                    try {
                      Thread.sleep(POLL_MS);
                      if (traceId.get() != null && !ended.get()) {
                        readTrace(traceId.get());
                      }
                    } catch (Exception e) {
                      return;
                    }
                  }
                });
        poller.start();
      }
      readStream(runId, traceId, ended);
      ended.set(true);
      if (poller != null) {
        poller.join();
      }
      if (traceId.get() != null) {
        readTrace(traceId.get()); // the Canvas reads the stored trace once the run has ended
      }
    }
    return null;
  }

  private void readStream(String runId, AtomicReference<String> traceId, AtomicBoolean ended)
      throws Exception {
    HttpResponse<Stream<String>> response =
        api.http()
            .send(api.events(runId, Duration.ofSeconds(120)), HttpResponse.BodyHandlers.ofLines());
    try (Stream<String> lines = response.body()) {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.startsWith("event:")) {
          events.incrementAndGet();
        } else if (traceId.get() == null && line.startsWith("data:")) {
          Matcher m = TRACE_ID.matcher(line);
          if (m.find()) {
            traceId.set(m.group(1));
          }
        }
      }
    }
    ended.set(true);
  }

  /** The whole trace as the Canvas reads it: JSON lines, gzip. */
  private void readTrace(String traceId) throws Exception {
    HttpResponse<InputStream> response =
        api.http()
            .send(
                api.request("api/traces/" + traceId)
                    .header("Accept", "application/x-ndjson")
                    .header("Accept-Encoding", "gzip")
                    .timeout(Duration.ofSeconds(60))
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      body.transferTo(java.io.OutputStream.nullOutputStream());
    }
    if (response.statusCode() == 200) {
      traceReads.incrementAndGet();
    }
  }

  private String startFanOut() throws Exception {
    HttpResponse<String> answer =
        api.http().send(api.startRun("fan-out", "{}"), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 202) {
      throw new IllegalStateException("run refused: " + answer.statusCode() + " " + answer.body());
    }
    Matcher m = Pattern.compile("\"runId\":\"([0-9a-f-]{36})\"").matcher(answer.body());
    if (!m.find()) {
      throw new IllegalStateException("no run id in " + answer.body());
    }
    return m.group(1);
  }

  /** The JVM's user and system CPU time, in clock ticks (1/100 s), from /proc. */
  private static long cpuTicks(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  private static double[] medians(List<double[]> results) {
    double[] medians = new double[results.get(0).length];
    for (int i = 0; i < medians.length; i++) {
      int index = i;
      double[] sorted = results.stream().mapToDouble(r -> r[index]).sorted().toArray();
      medians[i] = sorted[sorted.length / 2];
    }
    return medians;
  }
}
