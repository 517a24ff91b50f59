package dev.workflowtracing.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Trace by id against a peer, in one run: the same traces stored in this server and in a Zipkin
 * server (in-memory store, API v2), read in alternation as a browser would (gzip accepted, no
 * cached copy), p50 and p95 of the time to the last byte; then the revalidation a second view costs
 * here (If-None-Match, 304). bench/trace-read-bench.sh starts both servers.
 *
 * <p>{@code TraceReadBench <base-url> <zipkin-url> <reads> <workflow>...}: runs each workflow once,
 * copies its trace into Zipkin (JSON API), then measures.
 */
public final class TraceReadBench {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final URI zipkin;
  private final String authorization = BenchLogin.authorization();
  private final BenchRuns runs;

  private TraceReadBench(URI base, URI zipkin) {
    this.base = base;
    this.zipkin = zipkin;
    this.runs = new BenchRuns(http, base);
  }

  public static void main(String[] args) throws Exception {
    TraceReadBench bench =
        new TraceReadBench(
            URI.create(args[0].replaceAll("/?$", "/")), URI.create(args[1].replaceAll("/?$", "/")));
    int reads = Integer.parseInt(args[2]);
    System.out.println(
        "| trace | spans | this server p50 / p95 ms | Zipkin p50 / p95 ms | ratio p50 / p95 |"
            + " gzip bytes here / Zipkin | 304 revalidation p50 / p95 ms |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (int i = 3; i < args.length; i++) {
      bench.compare(args[i], reads);
    }
    System.out.println();
    System.out.println(
        "| trace | spans | traces | first read as one document p50 / max ms |"
            + " first read as JSON lines p50 / max ms | ratio p50 |");
    System.out.println("|---|---|---|---|---|---|");
    for (int i = 3; i < args.length; i++) {
      bench.firstReads(args[i], FIRST_READ_TRACES);
    }
  }

  /** Traces run for the first-read comparison, each read once in each encoding. */
  private static final int FIRST_READ_TRACES = 6;

  /**
   * The first read of a finished trace in each encoding: read from the database and rendered (each
   * encoding is cached apart, so both are first reads). Which goes first alternates.
   */
  private void firstReads(String workflow, int traces) throws Exception {
    List<Long> document = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    int spans = 0;
    for (int i = 0; i < traces; i++) {
      String traceId = runAndAwaitStored(workflow);
      for (int turn = 0; turn < 2; turn++) {
        boolean asLines = (turn == 0) == (i % 2 == 0);
        var request =
            HttpRequest.newBuilder(base.resolve("api/traces/" + traceId))
                .header("Authorization", authorization)
                .header("Accept-Encoding", "gzip")
                .header("Accept", asLines ? "application/x-ndjson" : "application/json");
        long start = System.nanoTime();
        HttpResponse<byte[]> answer = send(request.build());
        long took = System.nanoTime() - start;
        if (answer.statusCode() != 200 || answer.headers().firstValue("ETag").isEmpty()) {
          throw new IllegalStateException("first read of " + traceId + ": " + answer.statusCode());
        }
        (asLines ? lines : document).add(took);
      }
      spans = json(send(ours(traceId, null, false)).body()).getInt("spanCount");
    }
    Collections.sort(document);
    Collections.sort(lines);
    System.out.printf(
        "| %s | %,d | %d | %.1f / %.1f | %.1f / %.1f | %.2f |%n",
        workflow,
        spans,
        traces,
        Percentiles.millis(document, 50),
        Percentiles.millis(document, 100),
        Percentiles.millis(lines, 50),
        Percentiles.millis(lines, 100),
        Percentiles.millis(lines, 50) / Percentiles.millis(document, 50));
  }

  private void compare(String workflow, int reads) throws Exception {
    String traceId = runAndAwaitStored(workflow);
    // For the browser comparison that follows (bench/canvas-vs-lens.mjs).
    java.nio.file.Files.writeString(
        java.nio.file.Path.of("target", "trace-read-bench-" + workflow + ".trace"), traceId);
    JsonObject trace = json(send(ours(traceId, null, false)).body());
    int spans = trace.getJsonArray("spans").size();
    copyToZipkin(trace);
    awaitZipkin(traceId, spans);

    List<Long> here = new ArrayList<>();
    List<Long> peer = new ArrayList<>();
    List<Long> revalidations = new ArrayList<>();
    long hereBytes = 0;
    long peerBytes = 0;
    String etag = null;
    for (int i = 0; i < reads + 10; i++) {
      // Alternate who goes first, so neither always reads a warmer machine.
      boolean oursFirst = i % 2 == 0;
      for (int turn = 0; turn < 2; turn++) {
        boolean isOurs = (turn == 0) == oursFirst;
        long start = System.nanoTime();
        HttpResponse<byte[]> answer =
            send(
                isOurs
                    ? ours(traceId, null, true)
                    : HttpRequest.newBuilder(zipkin.resolve("api/v2/trace/" + traceId))
                        .header("Accept-Encoding", "gzip")
                        .build());
        long took = System.nanoTime() - start;
        if (answer.statusCode() != 200) {
          throw new IllegalStateException((isOurs ? "here " : "zipkin ") + answer.statusCode());
        }
        if (i >= 10) { // the first ten are warm-up
          (isOurs ? here : peer).add(took);
        }
        if (isOurs) {
          hereBytes = answer.body().length;
          etag = answer.headers().firstValue("ETag").orElse(null);
        } else {
          peerBytes = answer.body().length;
        }
      }
      long start = System.nanoTime();
      HttpResponse<byte[]> revalidated = send(ours(traceId, etag, true));
      if (i >= 10 && revalidated.statusCode() == 304) {
        revalidations.add(System.nanoTime() - start);
      }
    }
    Collections.sort(here);
    Collections.sort(peer);
    Collections.sort(revalidations);
    System.out.printf(
        "| %s | %,d | %.1f / %.1f | %.1f / %.1f | %.2f / %.2f | %,d / %,d | %s |%n",
        workflow,
        spans,
        Percentiles.millis(here, 50),
        Percentiles.millis(here, 95),
        Percentiles.millis(peer, 50),
        Percentiles.millis(peer, 95),
        Percentiles.millis(here, 50) / Percentiles.millis(peer, 50),
        Percentiles.millis(here, 95) / Percentiles.millis(peer, 95),
        hereBytes,
        peerBytes,
        revalidations.isEmpty()
            ? "no 304"
            : String.format(
                "%.1f / %.1f",
                Percentiles.millis(revalidations, 50), Percentiles.millis(revalidations, 95)));
  }

  /**
   * Saves {@code fan-out-<nodes>}, the sample fan-out at another size: split, nodes - 2 parallel
   * items, join; 2 x nodes + 1 spans.
   */
  private void saveFanOut(String workflow) throws Exception {
    int nodes = Integer.parseInt(workflow.substring("fan-out-".length()));
    JsonArrayBuilder nodeList =
        Json.createArrayBuilder()
            .add(transform("split", Json.createObjectBuilder().add("batch", "${input.batch}")))
            .add(transform("join", Json.createObjectBuilder().add("done", "true")));
    JsonArrayBuilder edges = Json.createArrayBuilder();
    for (int i = 0; i < nodes - 2; i++) {
      String item = String.format("item-%05d", i);
      nodeList.add(transform(item, Json.createObjectBuilder().add("item", i)));
      edges.add(Json.createObjectBuilder().add("from", "split").add("to", item));
      edges.add(Json.createObjectBuilder().add("from", item).add("to", "join"));
    }
    String definition =
        Json.createObjectBuilder()
            .add("id", workflow)
            .add("name", "Fan-out of " + nodes + " nodes (benchmark)")
            .add("nodes", nodeList)
            .add("edges", edges)
            .build()
            .toString();
    runs.save(workflow, definition);
  }

  private static JsonObjectBuilder transform(String id, JsonObjectBuilder set) {
    return Json.createObjectBuilder()
        .add("id", id)
        .add("type", "transform")
        .add("config", Json.createObjectBuilder().add("set", set));
  }

  /**
   * Runs the workflow (saving {@code fan-out-<nodes>} first) until its trace is stored; answers the
   * trace id.
   */
  private String runAndAwaitStored(String workflow) throws Exception {
    if (workflow.matches("fan-out-\\d+")) {
      saveFanOut(workflow);
    }
    return runs.runAndAwaitStored(workflow, "{\"inputs\": {\"batch\": 1}}", Duration.ofMinutes(5));
  }

  /** The trace as Zipkin v2 spans: ids, parent, name, kind, microsecond times, string tags. */
  private void copyToZipkin(JsonObject trace) throws Exception {
    List<JsonObject> spans = new ArrayList<>();
    for (JsonValue value : trace.getJsonArray("spans")) {
      JsonObject span = value.asJsonObject();
      Instant start = Instant.parse(span.getString("startTime"));
      JsonObjectBuilder zipkinSpan =
          Json.createObjectBuilder()
              .add("traceId", trace.getString("traceId"))
              .add("id", span.getString("spanId"))
              .add("name", span.getString("name"))
              .add("timestamp", start.getEpochSecond() * 1_000_000 + start.getNano() / 1_000)
              .add("duration", Math.max(1, span.getJsonNumber("durationMicros").longValue()))
              .add(
                  "localEndpoint",
                  Json.createObjectBuilder().add("serviceName", "workflow-tracing"));
      if (span.get("parentSpanId") instanceof JsonString parent) {
        zipkinSpan.add("parentId", parent.getString());
      }
      String kind = span.getString("kind");
      if (!kind.equals("INTERNAL")) {
        zipkinSpan.add("kind", kind);
      }
      JsonObjectBuilder tags = Json.createObjectBuilder();
      for (Map.Entry<String, JsonValue> tag : span.getJsonObject("attributes").entrySet()) {
        tags.add(
            tag.getKey(),
            tag.getValue() instanceof JsonString s ? s.getString() : tag.getValue().toString());
      }
      spans.add(zipkinSpan.add("tags", tags).build());
    }
    // In parts, well under the collector's request limit.
    for (int from = 0; from < spans.size(); from += 1_000) {
      JsonArrayBuilder part = Json.createArrayBuilder();
      spans.subList(from, Math.min(spans.size(), from + 1_000)).forEach(part::add);
      HttpResponse<byte[]> posted =
          send(
              HttpRequest.newBuilder(zipkin.resolve("api/v2/spans"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(part.build().toString()))
                  .build());
      if (posted.statusCode() / 100 != 2) {
        throw new IllegalStateException("Zipkin refused the spans: " + posted.statusCode());
      }
    }
  }

  private void awaitZipkin(String traceId, int spans) throws Exception {
    for (int i = 0; i < 100; i++) {
      HttpResponse<byte[]> answer =
          send(HttpRequest.newBuilder(zipkin.resolve("api/v2/trace/" + traceId)).build());
      if (answer.statusCode() == 200
          && Json.createReader(new StringReader(new String(answer.body(), StandardCharsets.UTF_8)))
                  .readArray()
                  .size()
              == spans) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("Zipkin does not have the " + spans + " spans of " + traceId);
  }

  private HttpRequest ours(String traceId, String ifNoneMatch, boolean gzip) {
    var request =
        HttpRequest.newBuilder(base.resolve("api/traces/" + traceId))
            .header("Authorization", authorization);
    if (gzip) {
      request.header("Accept-Encoding", "gzip");
    }
    if (ifNoneMatch != null) {
      request.header("If-None-Match", ifNoneMatch);
    }
    return request.build();
  }

  private HttpResponse<byte[]> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private static JsonObject json(byte[] body) {
    return Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))
        .readObject();
  }
}
