package dev.workflowtracing.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** A small HTTP client for the REST API, as a user of the API would call it. */
final class Api {

  /** A response: status, content type, the body as text and, for JSON, parsed. */
  record Answer(
      int status,
      String contentType,
      String text,
      JsonStructure body,
      java.net.http.HttpHeaders headers) {
    JsonObject object() {
      return (JsonObject) body;
    }

    /** The first value of a response header, or null. */
    String header(String name) {
      return headers == null ? null : headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return "Answer[" + status + " " + contentType + " " + text + "]";
    }
  }

  // HTTP/1.1 as the Canvas's fetches: no h2c upgrade, which a balancer may answer with GOAWAY.
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI base;
  private final String authorization;

  /** Logged in as the demo admin (config/cli/add-users.sh). */
  /** The admin's client of the server at {@code url}. */
  static Api at(String url) {
    return new Api(url(url));
  }

  /** A URL from its text, without the checked exception. */
  static URL url(String url) {
    try {
      return java.net.URI.create(url).toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }

  Api(URL base) {
    this(base, "admin", "admin-password");
  }

  private Api(URL base, String user, String password) {
    this(base, user == null ? null : basic(user, password));
  }

  private Api(URL base, String authorization) {
    String url = base.toString();
    this.base = URI.create(url.endsWith("/") ? url : url + "/");
    this.authorization = authorization;
  }

  /** A client that sends this Authorization header (e.g. "Bearer wt_…"), or none when null. */
  static Api withAuthorization(URL base, String authorization) {
    return new Api(base, authorization);
  }

  /** The Authorization header value of an HTTP BASIC login. */
  static String basic(String user, String password) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static Api as(URL base, String user, String password) {
    return new Api(base, user, password);
  }

  static Api anonymous(URL base) {
    return new Api(base, null, null);
  }

  /** The server this client talks to. */
  URI base() {
    return base;
  }

  Answer delete(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  /** A GET with extra headers, name and value pairs. */
  Answer get(String path, String... headers) {
    var builder = HttpRequest.newBuilder(base.resolve(path)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return send(builder);
  }

  Answer post(String path, String json, String... headers) {
    var builder =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    for (int i = 0; i < headers.length; i += 2) {
      builder.setHeader(headers[i], headers[i + 1]);
    }
    return send(builder);
  }

  Answer put(String path, String json) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /**
   * Saves a workflow definition of these nodes and edges (JSON arrays) under {@code id}, as a new
   * version when one exists; fails the test unless it is saved.
   */
  void saveWorkflow(String id, String nodes, String edges) {
    Answer saved =
        put(
            "api/workflows/" + id,
            "{\"id\": \"" + id + "\", \"nodes\": " + nodes + ", \"edges\": " + edges + "}");
    if (saved.status() != 200 && saved.status() != 201) {
      throw new AssertionError(
          "Saving workflow " + id + " answered " + saved.status() + ": " + saved.text());
    }
  }

  /** Any method, with a JSON body (or none when null) and extra headers, name and value pairs. */
  Answer call(String method, String path, String json, String... headers) {
    var builder =
        HttpRequest.newBuilder(base.resolve(path))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      builder.header("Content-Type", "application/json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      builder.setHeader(headers[i], headers[i + 1]);
    }
    return send(builder);
  }

  /** Polls a GET until the answer satisfies the condition, or fails after the timeout. */
  Answer await(String path, Predicate<Answer> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Answer answer = get(path);
    while (!condition.test(answer)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out waiting on " + path + "; last answer " + answer);
      }
      sleep(100);
      answer = get(path);
    }
    return answer;
  }

  /**
   * Starts a run on the queue ({@code Prefer: respond-async}, inputs a JSON object or null) and
   * returns its id.
   */
  String startAsync(String workflow, String inputs) {
    Answer answer =
        post(
            "api/workflows/" + workflow + "/runs",
            inputs == null ? "{}" : "{\"inputs\": " + inputs + "}",
            "Prefer",
            "respond-async");
    if (answer.status() != 202) {
      throw new AssertionError("Expected 202 for a run of " + workflow + ", got " + answer);
    }
    return answer.object().getString("runId");
  }

  /** Waits until the run's stored status is {@code status}. */
  void awaitStatus(String runId, String status, Duration within) {
    await(
        "api/runs/" + runId,
        r -> r.status() == 200 && status.equals(r.object().getString("status")),
        within);
  }

  /** Waits until the run has ended (neither queued nor running) and returns it. */
  JsonObject awaitEnded(String runId, Duration within) {
    return await(
            "api/runs/" + runId,
            r ->
                r.status() == 200
                    && !List.of("QUEUED", "RUNNING").contains(r.object().getString("status")),
            within)
        .object();
  }

  /** Waits until the API reports the trace complete (its spans arrive in batches after the run). */
  JsonObject awaitComplete(String traceId) {
    return await(
            "api/traces/" + traceId,
            a ->
                a.status() == 200
                    && a.object().getJsonObject("completeness").getBoolean("complete"),
            Duration.ofSeconds(30))
        .object();
  }

  /** One sample without labels from {@code /api/metrics} (as an admin). */
  long metric(String name) {
    return get("api/metrics")
        .text()
        .lines()
        .filter(line -> line.startsWith(name + " "))
        .mapToLong(line -> Long.parseLong(line.substring(name.length() + 1).trim()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no metric " + name));
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Answer send(HttpRequest.Builder request) {
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<byte[]> response =
          client.send(
              request.timeout(Duration.ofSeconds(120)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      // A gzipped answer (asked for with Accept-Encoding) is read as its text.
      byte[] bytes =
          "gzip".equals(response.headers().firstValue("Content-Encoding").orElse(null))
              ? new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))
                  .readAllBytes()
              : response.body();
      String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
      String type = response.headers().firstValue("Content-Type").orElse("");
      // One JSON document (not JSON lines, whose media type also ends in "json").
      boolean json = type.startsWith("application/json") || type.contains("+json");
      JsonStructure body =
          text.isBlank() || !json ? null : Json.createReader(new StringReader(text)).read();
      return new Answer(response.statusCode(), type, text, body, response.headers());
    } catch (java.net.ConnectException e) {
      return new Answer(0, "", "", null, null);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
