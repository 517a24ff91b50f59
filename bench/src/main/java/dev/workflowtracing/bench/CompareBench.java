package dev.workflowtracing.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Run comparison of two big runs, beside reading one of their traces, in one run: two runs of the
 * 1,002-node sample fan-out (2,005 spans each) compared ({@code GET /api/runs/compare}), one node's
 * texts diffed ({@code &node=}), and the left run's trace read whole, in turn; p50/p95/p99 of the
 * time to the last byte (gzip accepted) and each one's ratio to the trace read.
 *
 * <p>{@code CompareBench <base-url> <reads>}
 */
public final class CompareBench {

  private static final String WORKFLOW = "fan-out";
  private static final String NODE = "item-0001"; // a node of the fan-out, with input and output

  private CompareBench() {}

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0].replaceAll("/?$", "/"));
    int reads = Integer.parseInt(args[1]);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    BenchRuns runs = new BenchRuns(http, base);
    var left = runs.runAndAwait(WORKFLOW, "{\"inputs\": {\"batch\": 1}}", Duration.ofMinutes(5));
    var right = runs.runAndAwait(WORKFLOW, "{\"inputs\": {\"batch\": 2}}", Duration.ofMinutes(5));
    String pair = "left=" + left.getString("runId") + "&right=" + right.getString("runId");
    String[] paths = {
      "api/runs/compare?" + pair,
      "api/runs/compare?" + pair + "&node=" + NODE,
      "api/traces/" + left.getString("traceId"),
    };
    String[] labels = {
      "compare two runs", "compare, with one node's texts diffed", "read one trace"
    };
    List<List<Long>> times = new ArrayList<>();
    long[] bytes = new long[paths.length];
    for (int p = 0; p < paths.length; p++) {
      times.add(new ArrayList<>());
    }
    for (int i = 0; i < reads + 10; i++) {
      for (int turn = 0; turn < paths.length; turn++) {
        int p = (turn + i) % paths.length; // each goes first in turn
        long start = System.nanoTime();
        HttpResponse<byte[]> answer =
            http.send(
                runs.request(paths[p]).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        long took = System.nanoTime() - start;
        if (answer.statusCode() != 200) {
          throw new IllegalStateException(paths[p] + ": " + answer.statusCode());
        }
        bytes[p] = answer.body().length;
        if (i >= 10) { // the first ten are warm-up
          times.get(p).add(took);
        }
      }
    }
    int spans =
        BenchRuns.object(runs.send(runs.request(paths[2]).GET()).body()).getInt("spanCount");
    System.out.printf(
        "two runs of %s, %,d spans each, %d reads of each%n%n", WORKFLOW, spans, reads);
    System.out.println("| request | p50 / p95 / p99 ms | gzip bytes | p95 / trace read p95 |");
    System.out.println("|---|---|---|---|");
    double traceP95 = percentiles(times.get(2))[1];
    for (int p = 0; p < paths.length; p++) {
      double[] ms = percentiles(times.get(p));
      System.out.printf(
          "| %s | %.1f / %.1f / %.1f | %,d | %.2f |%n",
          labels[p], ms[0], ms[1], ms[2], bytes[p], ms[1] / traceP95);
    }
  }

  private static double[] percentiles(List<Long> nanos) {
    Collections.sort(nanos);
    return new double[] {
      Percentiles.millis(nanos, 50), Percentiles.millis(nanos, 95), Percentiles.millis(nanos, 99)
    };
  }
}
