package dev.workflowtracing.bench;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs on the run queue, against a running server (bench/live-bench.sh):
 *
 * <ol>
 *   <li>accepted runs per second: clients post runs with {@code Prefer: respond-async} as fast as
 *       the server answers 202 (beside runs/s of the same clients waiting for each run);
 *   <li>accept to first node start: at a steady rate, the time from the 202 to the first node's
 *       start (from the run's live state), p50 and p95;
 *   <li>run throughput with 100 Server-Sent-Event watchers connected vs none, in alternating
 *       windows against one server: clients start runs and wait for each one's end on its event
 *       stream; the watchers follow the newest runs and move on when one ends.
 * </ol>
 *
 * Also serves the OTLP/HTTP endpoint the server exports to ({@code /v1/traces}), so the server does
 * what a deployment does: export every span to a collector (counted, then dropped).
 *
 * <p>{@code LiveRunBench <base-url> <otlp-port> <seconds> <clients> <windows> <watchers>}
 */
public final class LiveRunBench {

  private static final String WORKFLOW = "hello-llm";
  private static final long THINK_MS = 1_000;
  private static final Duration STREAM_TIMEOUT = Duration.ofSeconds(60);
  private static final String BODY = "{\"inputs\": {\"name\": \"Ada\"}}";

  private final BenchApi api;
  private final Deque recent = new Deque();

  private LiveRunBench(BenchApi api) {
    this.api = api;
  }

  public static void main(String[] args) throws Exception {
    BenchApi api = BenchApi.at(args[0]);
    int otlpPort = Integer.parseInt(args[1]);
    int seconds = Integer.parseInt(args[2]);
    int clients = Integer.parseInt(args[3]);
    int windows = Integer.parseInt(args[4]);
    int watchers = Integer.parseInt(args[5]);
    AtomicLong otlpBytes = new AtomicLong();
    HttpServer otlp = OtlpSink.start(otlpPort, otlpBytes);
    try {
      LiveRunBench bench = new LiveRunBench(api);
      bench.warmUp(clients);
      bench.acceptRate(seconds, clients);
      bench.acceptToFirstNode(seconds, 20);
      bench.watchersVsNone(seconds, clients, windows, watchers);
      System.out.printf("%nOTLP received %,d bytes of spans from the server%n", otlpBytes.get());
    } finally {
      otlp.stop(0);
    }
  }

  private void warmUp(int clients) throws Exception {
    // The JIT settles over the first thousands of runs; windows before that drift upwards.
    closedLoop(30, clients, this::runAndAwaitEnd);
  }

  private void acceptRate(int seconds, int clients) throws Exception {
    AtomicLong refused = new AtomicLong();
    double accepted =
        closedLoop(
            seconds,
            clients,
            () -> {
              HttpResponse<String> answer = startRun();
              if (answer.statusCode() != 202) {
                refused.incrementAndGet();
              }
            });
    // Let the queue drain before the next measurement.
    awaitQueueEmpty();
    double completed = closedLoop(seconds, clients, this::runAndAwaitEnd);
    System.out.println();
    System.out.println("| measure | runs/s | ratio |");
    System.out.println("|---|---|---|");
    System.out.printf(
        "| accepted onto the queue (202), %d clients, %d refused (503) | %.1f | %.2f |%n",
        clients, refused.get(), accepted, accepted / completed);
    System.out.printf(
        "| started and awaited to their end on the event stream, %d clients | %.1f | 1.00 |%n",
        clients, completed);
  }

  private void acceptToFirstNode(int seconds, int perSecond) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    long interval = 1_000_000_000L / perSecond;
    long start = System.nanoTime();
    for (int i = 0; i < seconds * perSecond; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      pool.submit(
          () -> {
            // From the request's send: the server accepts it somewhere between send and 202.
            long at = System.currentTimeMillis();
            HttpResponse<String> answer = startRun();
            if (answer.statusCode() == 202) {
              recent.add(runId(answer));
              acceptedIds.add(new Object[] {runId(answer), at});
            }
            return null;
          });
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.MINUTES);
    awaitQueueEmpty();
    List<Long> delays = new ArrayList<>();
    for (Object[] run : acceptedIds) {
      JsonObject view = json(get("api/runs/" + run[0]).body());
      if (!(view.get("live") instanceof JsonObject live)) {
        continue;
      }
      long first = Long.MAX_VALUE;
      for (JsonValue node : live.getJsonArray("nodes")) {
        if (node.asJsonObject().get("startedAt") instanceof jakarta.json.JsonString started) {
          first = Math.min(first, Instant.parse(started.getString()).toEpochMilli());
        }
      }
      if (first != Long.MAX_VALUE) {
        delays.add(first - (long) run[1]);
      }
    }
    Collections.sort(delays);
    System.out.println();
    System.out.printf(
        "Accept (from the request's send) to first node start, %d runs/s for %d s, %d runs: p50 %d"
            + " ms, p95 %d ms%n",
        perSecond, seconds, delays.size(), Percentiles.of(delays, 50), Percentiles.of(delays, 95));
  }

  private final List<Object[]> acceptedIds = Collections.synchronizedList(new ArrayList<>());

  private void watchersVsNone(int seconds, int clients, int windows, int watchers)
      throws Exception {
    List<Double> with = new ArrayList<>();
    List<Double> without = new ArrayList<>();
    for (int w = 0; w < windows; w++) {
      // on, off, off, on, ...: neither mode always goes first
      boolean watched = (w % 4 == 0) || (w % 4 == 3);
      AtomicBoolean stop = new AtomicBoolean();
      List<CompletableFuture<Void>> streams = new ArrayList<>();
      AtomicLong events = new AtomicLong();
      if (watched) {
        for (int i = 0; i < watchers; i++) {
          streams.add(follow(stop, events));
        }
      }
      double rate = closedLoop(seconds, clients, this::runAndAwaitEnd);
      stop.set(true);
      (watched ? with : without).add(rate);
      System.out.printf(
          "window %d: %s, %.1f runs/s%s%n",
          w + 1,
          watched ? watchers + " watchers" : "no watchers",
          rate,
          watched ? ", " + events.get() + " events sent to the watchers" : "");
      CompletableFuture.allOf(streams.toArray(CompletableFuture[]::new))
          .orTimeout(30, TimeUnit.SECONDS)
          .exceptionally(e -> null)
          .join();
    }
    double withMean = with.stream().mapToDouble(d -> d).average().orElse(0);
    double withoutMean = without.stream().mapToDouble(d -> d).average().orElse(0);
    System.out.println();
    System.out.println("| event-stream watchers | windows | runs/s (mean) | ratio |");
    System.out.println("|---|---|---|---|");
    System.out.printf("| none | %d | %.1f | 1.00 |%n", without.size(), withoutMean);
    System.out.printf(
        "| %d | %d | %.1f | %.3f |%n", watchers, with.size(), withMean, withMean / withoutMean);
  }

  /**
   * One watcher, as a person in the Canvas: follows the newest run's events to its end, looks at
   * the result for {@link #THINK_MS}, then follows the newest run again, until stop.
   */
  private CompletableFuture<Void> follow(AtomicBoolean stop, AtomicLong events) {
    if (stop.get()) {
      return CompletableFuture.completedFuture(null);
    }
    String runId = recent.newest();
    if (runId == null) {
      return CompletableFuture.runAsync(
              () -> {}, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS))
          .thenCompose(v -> follow(stop, events));
    }
    return api.http()
        .sendAsync(
            api.events(runId, STREAM_TIMEOUT),
            HttpResponse.BodyHandlers.fromLineSubscriber(new Counting(events)))
        .handle((response, failure) -> null)
        .thenCompose(
            v ->
                CompletableFuture.runAsync(
                    () -> {}, CompletableFuture.delayedExecutor(THINK_MS, TimeUnit.MILLISECONDS)))
        .thenCompose(v -> follow(stop, events));
  }

  /** Counts the events of a stream (one per "event:" line). */
  private static final class Counting implements Flow.Subscriber<String> {
    private final AtomicLong events;

    Counting(AtomicLong events) {
      this.events = events;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
      if (line.startsWith("event:")) {
        events.incrementAndGet();
      }
    }

    @Override
    public void onError(Throwable throwable) {}

    @Override
    public void onComplete() {}
  }

  /** Starts a run on the queue and waits for its end on its event stream, as the Canvas does. */
  private void runAndAwaitEnd() throws Exception {
    HttpResponse<String> answer = startRun();
    if (answer.statusCode() != 202) {
      throw new IllegalStateException("run refused: " + answer.statusCode() + " " + answer.body());
    }
    String runId = runId(answer);
    recent.add(runId);
    HttpResponse<String> stream =
        api.http().send(api.events(runId, STREAM_TIMEOUT), HttpResponse.BodyHandlers.ofString());
    if (!stream.body().contains("event:RunEnded")
        && !stream.body().contains("event: RunEnded")
        && !stream.body().contains("RunStatus")) {
      throw new IllegalStateException("stream of " + runId + " ended without the run's end");
    }
  }

  private HttpResponse<String> startRun() throws Exception {
    return api.http().send(api.startRun(WORKFLOW, BODY), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return api.get(path);
  }

  private void awaitQueueEmpty() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline) {
      JsonObject metrics = json(get("api/admin/tracing").body());
      if (metrics.getJsonObject("pipeline").getJsonObject("runQueue").getInt("depth") == 0) {
        Thread.sleep(500); // the last ones taken off the queue finish
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the run queue did not drain in 5 minutes");
  }

  /** Closed loop: each client repeats the call for the given seconds; answers calls per second. */
  private static double closedLoop(int seconds, int clients, Call call) throws Exception {
    AtomicLong done = new AtomicLong();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      pool.submit(
          () -> {
            while (System.nanoTime() < end) {
              call.run();
              done.incrementAndGet();
            }
            return null;
          });
    }
    pool.shutdown();
    if (!pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS)) {
      throw new IllegalStateException("clients did not finish");
    }
    return done.get() / ((System.nanoTime() - start) / 1e9);
  }

  @FunctionalInterface
  private interface Call {
    void run() throws Exception;
  }

  private static String runId(HttpResponse<String> answer) {
    return json(answer.body()).getString("runId");
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  /** The newest runs started, for the watchers to follow. */
  private static final class Deque {
    private final ConcurrentLinkedDeque<String> ids = new ConcurrentLinkedDeque<>();

    void add(String runId) {
      ids.addFirst(runId);
      while (ids.size() > 1_000) {
        ids.pollLast();
      }
    }

    String newest() {
      return ids.peekFirst();
    }
  }
}
