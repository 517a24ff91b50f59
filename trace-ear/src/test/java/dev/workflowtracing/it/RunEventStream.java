package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Reads a run's Server-Sent Events ({@code GET /api/runs/{id}/events}) as a client would. */
final class RunEventStream {

  /** One SSE event: its id, name and JSON data. */
  record Event(long id, String name, JsonObject data) {}

  // HTTP/1.1 as a browser's EventSource over http://: the JDK's client otherwise upgrades to h2c,
  // which Undertow accepts, and a stream of a late watcher over it once broke off in CI
  // ("IOException: closed"). One client for the test run, so no stream outlives its client.
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private RunEventStream() {}

  /** Reads the run's event stream to its end (the server closes it after RunEnded). */
  static List<Event> read(URL baseUrl, String runId, String lastEventId) throws Exception {
    return read(baseUrl, runId, lastEventId, event -> {});
  }

  /**
   * Reads the stream as a browser's EventSource does: when it ends before RunEnded (the server cut
   * off a client too far behind), opens it again with the last id received as Last-Event-ID, until
   * RunEnded arrives or {@code limit} has passed. {@code pause} is how long the client takes over
   * each event. Returns every event received, over every connection.
   */
  static Resumed readResuming(
      URL baseUrl, String runId, String lastEventId, Duration pause, Duration limit)
      throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    List<Event> all = new ArrayList<>();
    String last = lastEventId;
    int connections = 0;
    while (System.nanoTime() < deadline) {
      connections++;
      List<Event> events = read(baseUrl, runId, last, event -> Api.sleep(pause.toMillis()));
      all.addAll(events);
      if (!events.isEmpty() && events.get(events.size() - 1).name().equals("RunEnded")) {
        return new Resumed(all, connections);
      }
      if (!events.isEmpty()) {
        last = Long.toString(events.get(events.size() - 1).id());
      }
      Api.sleep(100);
    }
    throw new AssertionError(
        "No RunEnded within "
            + limit
            + " over "
            + connections
            + " connections: "
            + all.size()
            + " events");
  }

  /** What a resuming reader received, and over how many connections. */
  record Resumed(List<Event> events, int connections) {
    Event last() {
      return events.get(events.size() - 1);
    }
  }

  /** The same, handing each event to {@code onEvent} as it arrives. */
  static List<Event> read(URL baseUrl, String runId, String lastEventId, Consumer<Event> onEvent)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(baseUrl + "api/runs/" + runId + "/events"))
            .header("Accept", "text/event-stream")
            .header("Authorization", Api.basic("viewer", "viewer-password"))
            .timeout(Duration.ofSeconds(60));
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<Stream<String>> response =
        CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).as("GET " + response.uri()).isEqualTo(200);
    List<Event> events = new ArrayList<>();
    long startedAt = System.nanoTime();
    try (var lines = response.body()) {
      readLines(lines, events, onEvent);
    } catch (UncheckedIOException e) {
      throw new IllegalStateException(
          "The event stream of run "
              + runId
              + " ("
              + response.version()
              + ") broke off after "
              + events.size()
              + " events and "
              + Duration.ofNanos(System.nanoTime() - startedAt).toMillis()
              + " ms, last "
              + (events.isEmpty() ? "none" : events.get(events.size() - 1).name())
              + ": "
              + causes(e),
          e);
    }
    return events;
  }

  private static String causes(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append(" / ");
    }
    return text.toString();
  }

  private static void readLines(Stream<String> lines, List<Event> events, Consumer<Event> onEvent) {
    long id = 0;
    String name = null;
    StringBuilder data = new StringBuilder();
    for (String line : (Iterable<String>) lines::iterator) {
      if (line.startsWith("id:")) {
        id = Long.parseLong(line.substring(3).trim());
      } else if (line.startsWith("event:")) {
        name = line.substring(6).trim();
      } else if (line.startsWith("data:")) {
        data.append(line.substring(5).trim());
      } else if (line.isEmpty() && name != null) {
        Event event =
            new Event(id, name, Json.createReader(new StringReader(data.toString())).readObject());
        events.add(event);
        onEvent.accept(event);
        if (name.equals("RunEnded")) {
          break;
        }
        name = null;
        data.setLength(0);
      }
    }
  }
}
