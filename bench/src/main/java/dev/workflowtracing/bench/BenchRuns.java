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

/**
 * The benchmarks' way to save a workflow and run it to a stored trace: the run is awaited on the
 * run alone ({@code GET /api/runs/{id}} until {@code complete}), so no read of its trace comes
 * before the reads a benchmark measures.
 */
final class BenchRuns {

  private final HttpClient http;
  private final URI base;
  private final String authorization = BenchLogin.authorization();

  BenchRuns(HttpClient http, URI base) {
    this.http = http;
    this.base = base;
  }

  /** Saves (creates or replaces) a workflow definition. */
  void save(String workflow, String definition) throws Exception {
    HttpResponse<byte[]> saved =
        send(
            request("api/workflows/" + workflow)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(definition)));
    if (saved.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          "saving " + workflow + ": " + new String(saved.body(), StandardCharsets.UTF_8));
    }
  }

  /**
   * Runs the workflow with that request body on the run queue; answers its trace id once stored.
   */
  String runAndAwaitStored(String workflow, String body, Duration timeout) throws Exception {
    return runAndAwait(workflow, body, timeout).getString("traceId");
  }

  /**
   * Runs the workflow with that request body on the run queue; answers the run ({@code GET
   * /api/runs/{id}}) once its trace is stored.
   */
  JsonObject runAndAwait(String workflow, String body, Duration timeout) throws Exception {
    HttpResponse<byte[]> run =
        send(
            request("api/workflows/" + workflow + "/runs")
                .header("Content-Type", "application/json")
                .header("Prefer", "respond-async")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    String runId = object(run.body()).getString("runId");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      JsonObject state = object(send(request("api/runs/" + runId).GET()).body());
      if (state.getBoolean("complete")) {
        return state;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("run " + runId + " did not complete");
  }

  /** A request to this server, logged in. */
  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path))
        .header("Authorization", authorization)
        .timeout(Duration.ofMinutes(5));
  }

  HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static JsonObject object(byte[] body) {
    return Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))
        .readObject();
  }
}
