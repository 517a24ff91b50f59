package dev.workflowtracing.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The worst trace a workflow can make, scaled down: {@code nodes} parallel nodes that fail on every
 * one of their 10 attempts, each attempt span carrying its exception and stack trace. Reads it
 * whole and without attributes and events ({@code details=omit}), alternating, and prints bytes and
 * times; the figures per span say what the largest workflow (10,000 nodes) would make.
 *
 * <p>Arguments: base URL, nodes, reads.
 */
public final class BigTraceBench {

  private final BenchRuns runs;

  private BigTraceBench(URI base) {
    this.runs =
        new BenchRuns(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), base);
  }

  public static void main(String[] args) throws Exception {
    BigTraceBench bench = new BigTraceBench(URI.create(args[0].replaceAll("/?$", "/")));
    int nodes = Integer.parseInt(args[1]);
    int reads = Integer.parseInt(args[2]);
    String workflow = "fail-everywhere-" + nodes;
    bench.save(workflow, nodes);
    long started = System.nanoTime();
    String traceId = bench.runs.runAndAwaitStored(workflow, "{}", Duration.ofMinutes(20));
    System.out.printf(
        "%s: run and stored in %.1f s%n", workflow, (System.nanoTime() - started) / 1e9);

    List<Long> whole = new ArrayList<>();
    List<Long> slim = new ArrayList<>();
    long wholeBytes = 0;
    long slimBytes = 0;
    int spans = 0;
    boolean wholeOmitted = false;
    for (int i = 0; i < reads; i++) {
      for (int turn = 0; turn < 2; turn++) {
        boolean omit = (turn == 0) == (i % 2 == 0);
        long start = System.nanoTime();
        HttpResponse<byte[]> answer = bench.read(traceId, omit ? "omit" : "all");
        long took = System.nanoTime() - start;
        if (answer.statusCode() != 200) {
          throw new IllegalStateException("read " + answer.statusCode());
        }
        JsonObject head = head(answer.body());
        spans = head.getInt("spanCount");
        (omit ? slim : whole).add(took);
        if (omit) {
          slimBytes = answer.body().length;
        } else {
          wholeBytes = answer.body().length;
          wholeOmitted = head.getBoolean("detailsOmitted");
        }
      }
    }
    Collections.sort(whole);
    Collections.sort(slim);
    System.out.println(
        "| nodes | spans | read | bytes (JSON lines) | bytes per span | p50 / max ms |");
    System.out.println("|---|---|---|---|---|---|");
    System.out.printf(
        "| %,d | %,d | %s | %,d | %,d | %.0f / %.0f |%n",
        nodes,
        spans,
        wholeOmitted ? "default (details left out: over the limit)" : "whole",
        wholeBytes,
        wholeBytes / Math.max(1, spans),
        Percentiles.millis(whole, 50),
        Percentiles.millis(whole, 100));
    System.out.printf(
        "| %,d | %,d | details=omit | %,d | %,d | %.0f / %.0f |%n",
        nodes,
        spans,
        slimBytes,
        slimBytes / Math.max(1, spans),
        Percentiles.millis(slim, 50),
        Percentiles.millis(slim, 100));
  }

  /** Saves the workflow: a split, {@code nodes} failing nodes of 10 attempts, a join. */
  private void save(String workflow, int nodes) throws Exception {
    JsonArrayBuilder list =
        Json.createArrayBuilder()
            .add(node("split", "transform", Json.createObjectBuilder().add("set", set("go"))))
            .add(node("join", "transform", Json.createObjectBuilder().add("set", set("done"))));
    JsonArrayBuilder edges = Json.createArrayBuilder();
    for (int i = 0; i < nodes; i++) {
      String id = String.format("fail-%05d", i);
      list.add(
          node(id, "fail", Json.createObjectBuilder().add("message", "Gateway refused item " + i))
              .add("retry", Json.createObjectBuilder().add("maxAttempts", 10).add("backoffMs", 0)));
      edges.add(Json.createObjectBuilder().add("from", "split").add("to", id));
      edges.add(Json.createObjectBuilder().add("from", id).add("to", "join"));
    }
    runs.save(
        workflow,
        Json.createObjectBuilder()
            .add("id", workflow)
            .add("name", "Every node fails (benchmark)")
            .add("nodes", list)
            .add("edges", edges)
            .build()
            .toString());
  }

  private static jakarta.json.JsonObjectBuilder set(String value) {
    return Json.createObjectBuilder().add("step", value);
  }

  private static jakarta.json.JsonObjectBuilder node(
      String id, String type, jakarta.json.JsonObjectBuilder config) {
    return Json.createObjectBuilder().add("id", id).add("type", type).add("config", config);
  }

  private HttpResponse<byte[]> read(String traceId, String details) throws Exception {
    return runs.send(
        runs.request("api/traces/" + traceId + "?details=" + details)
            .header("Accept", "application/x-ndjson")
            .GET());
  }

  private static JsonObject head(byte[] lines) {
    String text = new String(lines, 0, Math.min(lines.length, 1 << 16), StandardCharsets.UTF_8);
    return BenchRuns.object(text.substring(0, text.indexOf('\n')).getBytes(StandardCharsets.UTF_8));
  }
}
