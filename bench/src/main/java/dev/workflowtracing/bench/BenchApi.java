package dev.workflowtracing.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The server's API as the benchmarks call it: one client, the base URL and the bench's login. */
final class BenchApi {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http;
  private final URI base;
  private final String authorization = BenchLogin.authorization();

  private BenchApi(HttpClient http, URI base) {
    this.http = http;
    this.base = base;
  }

  /** The API at {@code url} (with or without the trailing slash), over the client's default. */
  static BenchApi at(String url) {
    return new BenchApi(HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build(), uri(url));
  }

  /**
   * The API at {@code url} over HTTP/1.1 only: through the balancer, and where many event streams
   * must each have a connection of their own.
   */
  static BenchApi http11At(String url) {
    return new BenchApi(
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .build(),
        uri(url));
  }

  private static URI uri(String url) {
    return URI.create(url.replaceAll("/?$", "/"));
  }

  HttpClient http() {
    return http;
  }

  URI base() {
    return base;
  }

  /** A request for {@code path} (relative to the base), logged in. */
  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path))
        .header("Authorization", authorization)
        .timeout(REQUEST_TIMEOUT);
  }

  /** Starts a run of {@code workflow} on the run queue: 202 and the run id, or a refusal. */
  HttpRequest startRun(String workflow, String body) {
    return request("api/workflows/" + workflow + "/runs")
        .header("Content-Type", "application/json")
        .header("Prefer", "respond-async")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /** A run's event stream (Server-Sent Events), open at most {@code timeout}. */
  HttpRequest events(String runId, Duration timeout) {
    return request("api/runs/" + runId + "/events")
        .header("Accept", "text/event-stream")
        .timeout(timeout)
        .build();
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
  }
}
