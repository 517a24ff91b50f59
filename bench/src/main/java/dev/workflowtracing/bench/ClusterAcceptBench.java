package dev.workflowtracing.bench;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One window of bench/cluster-bench.sh, through the cluster's one URL (the balancer): clients post
 * {@code hello-llm} runs with {@code Prefer: respond-async} as fast as they are answered for the
 * window's seconds, then the bench waits until the shared queue is empty. Prints one table row:
 * runs accepted per second (202), refused (503), and runs executed per second by the cluster from
 * the window's start to the queue's end. Serves the OTLP/HTTP endpoint the servers export to.
 *
 * <p>{@code ClusterAcceptBench <balancer-url> <otlp-port> <seconds> <clients> <label>}
 */
public final class ClusterAcceptBench {

  private static final String BODY = "{\"inputs\": {\"name\": \"Ada\"}}";

  private final BenchApi api;

  private ClusterAcceptBench(BenchApi api) {
    this.api = api;
  }

  public static void main(String[] args) throws Exception {
    BenchApi api = BenchApi.http11At(args[0]);
    int otlpPort = Integer.parseInt(args[1]);
    int seconds = Integer.parseInt(args[2]);
    int clients = Integer.parseInt(args[3]);
    String label = args[4];
    HttpServer otlp = OtlpSink.start(otlpPort, new AtomicLong());
    try {
      new ClusterAcceptBench(api).window(seconds, clients, label);
    } finally {
      otlp.stop(0);
    }
  }

  private void window(int seconds, int clients, String label) throws Exception {
    AtomicLong accepted = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int c = 0; c < clients; c++) {
      pool.submit(
          () -> {
            while (System.nanoTime() < end) {
              int status = startRun();
              (status == 202 ? accepted : refused).incrementAndGet();
              if (status != 202) {
                Thread.sleep(100); // a refusal says when to come back; do not spin on it
              }
            }
            return null;
          });
    }
    pool.shutdown();
    if (!pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS)) {
      throw new IllegalStateException("clients did not finish");
    }
    double acceptSeconds = (System.nanoTime() - start) / 1e9;
    awaitQueueEmpty();
    double allSeconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "| %s | %d | %,d | %.1f | %,d | %.1f |%n",
        label,
        clients,
        accepted.get(),
        accepted.get() / acceptSeconds,
        refused.get(),
        accepted.get() / allSeconds);
  }

  private int startRun() throws Exception {
    return api.http()
        .send(api.startRun("hello-llm", BODY), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** Until the broker's queue of runs is empty, read through the balancer. */
  private void awaitQueueEmpty() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (System.nanoTime() < deadline) {
      HttpResponse<String> answer = api.get("api/admin/tracing");
      JsonObject metrics = Json.createReader(new StringReader(answer.body())).readObject();
      if (metrics.getJsonObject("pipeline").getJsonObject("runQueue").getInt("depth") == 0) {
        Thread.sleep(1_000); // the last ones taken off the queue finish
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the run queue did not drain in 10 minutes");
  }
}
