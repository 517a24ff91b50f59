package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One trace across services, with a client we did not write: a workflow's http node calls a service
 * run with the OpenTelemetry Java agent, whose OTLP exporter sends its spans to our receiver; the
 * stored trace holds the agent's server span under our attempt span. Then the same trace exported
 * as OTLP JSON and imported again, and another tool's OTLP JSON (the agent's logging exporter)
 * imported.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InteropIT {

  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.builtEar();
  }

  @Test
  void theAgentsServerSpanJoinsOurTraceUnderTheAttemptThatCalledItAndSurvivesARoundTrip()
      throws Exception {
    Api api = new Api(baseUrl);
    try (AgentService inventory =
        AgentService.start(
            "inventory",
            List.of(
                "otel.exporter.otlp.protocol=http/protobuf",
                "otel.exporter.otlp.traces.endpoint="
                    + baseUrl.toString().replaceAll("/$", "")
                    + "/v1/traces",
                "otel.exporter.otlp.traces.headers=Authorization=Bearer%20" + OtlpIngestIT.TOKEN,
                // Later than our own spans: the finished trace is read (and cached) before.
                "otel.bsp.schedule.delay=3000"))) {
      String traceId =
          api.post(
                  "api/workflows/http-call/runs",
                  Json.createObjectBuilder()
                      .add("inputs", Json.createObjectBuilder().add("url", inventory.url("/stock")))
                      .build()
                      .toString())
              .object()
              .getString("traceId");
      JsonObject before = api.awaitComplete(traceId);
      assertThat(before.getJsonObject("completeness").getInt("foreignSpans")).isZero();

      JsonObject trace;
      try {
        trace =
            api.await(
                    "api/traces/" + traceId,
                    a -> a.object().getJsonObject("completeness").getInt("foreignSpans") > 0,
                    Duration.ofSeconds(60))
                .object();
      } catch (AssertionError e) {
        throw new AssertionError(
            "No span of the agent's joined the trace; spans stored from OTLP: "
                + api.metric("workflow_tracing_ingest_spans_stored_total")
                + ", invalid requests: "
                + api.metric("workflow_tracing_ingest_requests_invalid_total")
                + "; the service's log:\n"
                + inventory.log(),
            e);
      }

      List<JsonObject> spans = trace.getJsonArray("spans").getValuesAs(JsonObject.class);
      JsonObject attempt =
          spans.stream()
              .filter(
                  s ->
                      "attempt".equals(s.getString("role", ""))
                          && "call".equals(s.getString("nodeId", "")))
              .findFirst()
              .orElseThrow();
      JsonObject server =
          spans.stream().filter(s -> s.getBoolean("foreign")).findFirst().orElseThrow();
      assertThat(server.getString("service")).isEqualTo("inventory");
      assertThat(server.getString("kind")).isEqualTo("SERVER");
      assertThat(server.getString("parentSpanId")).isEqualTo(attempt.getString("spanId"));
      assertThat(server.getInt("depth")).isEqualTo(attempt.getInt("depth") + 1);
      JsonObject completeness = trace.getJsonObject("completeness");
      assertThat(completeness.getBoolean("complete")).isTrue(); // our own spans, as before
      assertThat(completeness.getJsonArray("foreignServices").getString(0)).isEqualTo("inventory");
      assertThat(trace.getJsonObject("run").getInt("foreignSpans"))
          .isEqualTo(completeness.getInt("foreignSpans"));

      roundTrip(api, trace);
    }
  }

  /** Exported, deleted, imported: the same tree, attributes, events and artifacts. */
  private void roundTrip(Api api, JsonObject trace) {
    String traceId = trace.getString("traceId");
    Api.Answer export = api.get("api/traces/" + traceId + "/otlp");
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.header("Content-Disposition")).contains("trace-" + traceId + ".otlp.json");
    assertThat(export.text()).contains("\"resourceSpans\"", "\"inventory\"");
    Map<String, JsonObject> artifactsBefore = artifacts(api, trace);

    assertThat(api.delete("api/traces/" + traceId).status()).isEqualTo(204);
    Api.Answer imported = api.post("api/traces/import", export.text());
    assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
    JsonObject first = imported.object().getJsonArray("traces").getJsonObject(0);
    assertThat(first.getString("runId")).isEqualTo(trace.getJsonObject("run").getString("runId"));
    assertThat(first.getInt("foreignSpans"))
        .isEqualTo(trace.getJsonObject("completeness").getInt("foreignSpans"));

    JsonObject again = api.get("api/traces/" + traceId).object();
    assertThat(again.getJsonObject("run").getBoolean("imported")).isTrue();
    assertThat(again.getJsonObject("run").getString("status"))
        .isEqualTo(trace.getJsonObject("run").getString("status"));
    assertThat(again.getJsonObject("completeness").getBoolean("complete")).isTrue();
    assertThat(again.getJsonObject("run").getInt("foreignSpans"))
        .isEqualTo(again.getJsonObject("completeness").getInt("foreignSpans"));
    assertThat(shape(again)).isEqualTo(shape(trace));
    assertThat(artifacts(api, again)).isEqualTo(artifactsBefore);

    Api.Answer twice = api.post("api/traces/import", export.text());
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.object().getString("detail")).contains("stored already");
    Api.Answer malformed =
        api.post("api/traces/import", "{\"resourceSpans\": [ {\"scopeSpans\": 7} ]");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.contentType()).startsWith("application/problem+json");
    Api.Answer notOtlp = api.post("api/traces/import", "{\"metrics\": []}");
    assertThat(notOtlp.status()).isEqualTo(400);
    assertThat(notOtlp.object().getString("detail")).contains("resourceSpans");
    assertThat(
            Api.as(baseUrl, "viewer", "viewer-password")
                .post("api/traces/import", export.text())
                .status())
        .isEqualTo(403);
  }

  @Test
  void anotherToolsOtlpJsonTheAgentsLoggingExporterIsImported() throws Exception {
    Api api = new Api(baseUrl);
    try (AgentService logged =
        AgentService.start(
            "inventory-logged",
            List.of("otel.traces.exporter=logging-otlp", "otel.bsp.schedule.delay=100"))) {
      HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(logged.url("/broken"))).build(),
              HttpResponse.BodyHandlers.discarding());
      Pattern traceIdPattern = Pattern.compile("\"traceId\":\"([0-9a-f]{32})\"");
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      Matcher found = traceIdPattern.matcher(logged.log());
      while (!found.find()) {
        assertThat(System.nanoTime()).as("the logging exporter wrote no span").isLessThan(deadline);
        Api.sleep(200);
        found = traceIdPattern.matcher(logged.log());
      }
      String traceId = found.group(1);
      String file = logged.log();

      Api.Answer imported = api.post("api/traces/import", file, "Content-Type", "text/plain");

      assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
      JsonObject trace = api.get("api/traces/" + traceId).object();
      JsonObject span = trace.getJsonArray("spans").getJsonObject(0);
      assertThat(span.getString("service")).isEqualTo("inventory-logged");
      assertThat(span.getBoolean("foreign")).isTrue();
      assertThat(span.getString("status")).isEqualTo("ERROR"); // the agent marks a 500 so
      assertThat(trace.isNull("run")).isTrue();
    }
  }

  /**
   * Every span's place and content, by span id: JSON objects, compared as maps (the order of an
   * object's members is not part of it).
   */
  private static Map<String, JsonObject> shape(JsonObject trace) {
    List<String> fields =
        List.of(
            "parentSpanId",
            "name",
            "kind",
            "status",
            "role",
            "service",
            "depth",
            "durationMicros",
            "attributes",
            "events");
    return trace.getJsonArray("spans").getValuesAs(JsonObject.class).stream()
        .collect(
            Collectors.toMap(
                s -> s.getString("spanId"),
                s -> {
                  var kept = Json.createObjectBuilder();
                  fields.forEach(f -> kept.add(f, s.get(f)));
                  return kept.build();
                }));
  }

  private static Map<String, JsonObject> artifacts(Api api, JsonObject trace) {
    String traceId = trace.getString("traceId");
    return trace.getJsonArray("spans").getValuesAs(JsonObject.class).stream()
        .collect(
            Collectors.toMap(
                s -> s.getString("spanId"),
                s ->
                    Json.createObjectBuilder()
                        .add(
                            "artifacts",
                            api.get("api/traces/" + traceId + "/spans/" + s.getString("spanId"))
                                .object()
                                .getJsonArray("artifacts"))
                        .build()));
  }
}
