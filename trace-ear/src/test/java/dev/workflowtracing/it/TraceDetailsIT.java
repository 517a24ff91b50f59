package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A trace without its spans' attributes and events ({@code details=omit}, and unasked above {@code
 * tracing.api.max-trace-detail-chars}, 2,000,000 characters on the IT server): the same tree and
 * timings, flagged, while each span's own read still has everything.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TraceDetailsIT {

  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.builtEar();
  }

  @Test
  void aTraceWithoutDetailsHasTheSameTreeAndEachSpanStillHasThem() {
    Api api = new Api(baseUrl);
    String traceId =
        api.post("api/workflows/always-fails/runs", "{}").object().getString("traceId");
    JsonObject whole = api.awaitComplete(traceId);
    assertThat(whole.getBoolean("detailsOmitted")).isFalse();

    JsonObject slim = api.get("api/traces/" + traceId + "?details=omit").object();
    assertThat(slim.getBoolean("detailsOmitted")).isTrue();
    assertThat(slim.getInt("spanCount")).isEqualTo(whole.getInt("spanCount"));
    assertThat(ids(slim)).isEqualTo(ids(whole));
    List<JsonObject> spans = slim.getJsonArray("spans").getValuesAs(JsonObject.class);
    for (int i = 0; i < spans.size(); i++) {
      JsonObject span = spans.get(i);
      JsonObject full = whole.getJsonArray("spans").getJsonObject(i);
      assertThat(span.getJsonObject("attributes")).isEmpty();
      assertThat(span.getJsonArray("events")).isEmpty();
      for (String same : List.of("name", "status", "depth", "offsetMicros", "durationMicros")) {
        assertThat(span.get(same)).as(same).isEqualTo(full.get(same));
      }
    }
    // The failed attempt's exception is not in the slim trace, but in the span's own read.
    JsonObject failed =
        whole.getJsonArray("spans").getValuesAs(JsonObject.class).stream()
            .filter(s -> !s.getJsonArray("events").isEmpty())
            .findFirst()
            .orElseThrow();
    // Its stack trace keeps the workflow's frames and folds WildFly's interceptors away.
    JsonObject failedAttempt =
        whole.getJsonArray("spans").getValuesAs(JsonObject.class).stream()
            .filter(s -> "attempt".equals(s.getString("role", "")))
            .filter(s -> !s.getJsonArray("events").isEmpty())
            .findFirst()
            .orElseThrow();
    String stack =
        failedAttempt
            .getJsonArray("events")
            .getJsonObject(0)
            .getJsonObject("attributes")
            .getString("exception.stacktrace");
    assertThat(stack)
        .contains("dev.workflowtracing.workflow.engine.execution.AttemptRunner.attempt")
        .contains("container frames")
        .doesNotContain("at org.jboss.");
    JsonObject detail =
        api.get("api/traces/" + traceId + "/spans/" + failed.getString("spanId"))
            .object()
            .getJsonObject("span");
    assertThat(detail.getJsonArray("events")).isEqualTo(failed.getJsonArray("events"));
    assertThat(detail.getJsonObject("attributes")).isEqualTo(failed.getJsonObject("attributes"));

    // The two are cached and tagged apart.
    assertThat(api.get("api/traces/" + traceId + "?details=all").object()).isEqualTo(whole);
    assertThat(api.get("api/traces/" + traceId + "?details=omit").object()).isEqualTo(slim);

    Api.Answer lines =
        api.get("api/traces/" + traceId + "?details=omit", "Accept", "application/x-ndjson");
    assertThat(lines.text().lines().findFirst().orElseThrow()).contains("\"detailsOmitted\":true");
  }

  @Test
  void aTraceOverTheDetailLimitComesWithoutDetailsUnasked() {
    // 120 nodes failing 10 attempts each, every attempt with its exception: about 3.5 million
    // characters of attributes and events, over the IT server's limit of 2 million.
    Api api = new Api(baseUrl);
    assertThat(api.put("api/workflows/it-fail-everywhere", failEverywhere(120)).status())
        .isBetween(200, 201);
    String traceId =
        api.post("api/workflows/it-fail-everywhere/runs", "{}").object().getString("traceId");
    JsonObject trace = api.awaitComplete(traceId);
    assertThat(trace.getInt("spanCount")).isEqualTo(1 + 2 + 120 * 11);
    assertThat(trace.getBoolean("detailsOmitted")).isTrue();
    assertThat(trace.getJsonArray("spans").getValuesAs(JsonObject.class))
        .allSatisfy(span -> assertThat(span.getJsonArray("events")).isEmpty());
  }

  /** A split, {@code nodes} nodes that fail all 10 attempts, a join. */
  private static String failEverywhere(int nodes) {
    var list = Json.createArrayBuilder();
    var edges = Json.createArrayBuilder();
    list.add(transform("split")).add(transform("join"));
    for (int i = 0; i < nodes; i++) {
      String id = "fail-" + i;
      list.add(
          Json.createObjectBuilder()
              .add("id", id)
              .add("type", "fail")
              .add("config", Json.createObjectBuilder().add("message", "refused " + i))
              .add("retry", Json.createObjectBuilder().add("maxAttempts", 10).add("backoffMs", 0)));
      edges.add(Json.createObjectBuilder().add("from", "split").add("to", id));
      edges.add(Json.createObjectBuilder().add("from", id).add("to", "join"));
    }
    return Json.createObjectBuilder()
        .add("id", "it-fail-everywhere")
        .add("name", "Every node fails")
        .add("nodes", list)
        .add("edges", edges)
        .build()
        .toString();
  }

  private static JsonObjectBuilder transform(String id) {
    return Json.createObjectBuilder()
        .add("id", id)
        .add("type", "transform")
        .add(
            "config",
            Json.createObjectBuilder().add("set", Json.createObjectBuilder().add("step", id)));
  }

  @Test
  void anUnknownDetailsValueIsAProblemThatNamesTheValues() {
    Api.Answer answer = new Api(baseUrl).get("api/traces/" + "0".repeat(31) + "1?details=some");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.object().getString("detail")).contains("details must be all or omit");
  }

  private static List<String> ids(JsonObject trace) {
    return trace.getJsonArray("spans").stream()
        .map(JsonValue::asJsonObject)
        .map(s -> s.getString("spanId"))
        .toList();
  }
}
