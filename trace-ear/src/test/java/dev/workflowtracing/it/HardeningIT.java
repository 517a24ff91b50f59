package dev.workflowtracing.it;

import static dev.workflowtracing.it.ProblemResponsesIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a hostile review found (issue 10), on H2 and on PostgreSQL: no request stops later runs or
 * spans from being saved, and bad input is a 4xx problem, never a 500.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HardeningIT {

  private static final int SPANS_OF_HELLO_LLM = 7;

  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.builtEar();
  }

  @Test
  void outputsLargerThanTheirColumnAreStoredShortenedAndTheNextHundredRunsAreSavedAndComplete() {
    Api api = new Api(baseUrl);
    // Each of the three fields repeats the input: the outputs are three times the inputs, more
    // than the 1,000,000 characters their column holds (before, this blocked every later run).
    assertThat(
            api.put(
                    "api/workflows/it-tripler",
                    """
                    {"id": "it-tripler", "nodes": [{"id": "t", "type": "transform", "config":
                      {"set": {"a": "${input.x}", "b": "${input.x}", "c": "${input.x}"}}}]}
                    """)
                .status())
        .isEqualTo(201);
    String big = "y".repeat(400_000);
    Api.Answer poison =
        api.post("api/workflows/it-tripler/runs", "{\"inputs\": {\"x\": \"" + big + "\"}}");
    assertThat(poison.status()).isEqualTo(201);
    String poisonRun = poison.object().getString("runId");

    JsonObject stored =
        api.await("api/runs/" + poisonRun, a -> a.status() == 200, Duration.ofSeconds(10)).object();
    assertThat(stored.getString("status")).isEqualTo("SUCCEEDED");
    assertThat(stored.getJsonObject("outputs").getBoolean("truncated")).isTrue();
    assertThat(stored.getJsonObject("inputs").getString("x")).hasSize(400_000);
    assertNextRunsAreSavedAndComplete(api, 100);
  }

  @Test
  void aNulCharacterInATriggerIsRefusedAndInASpanIsStoredWithoutIt() {
    Api runner = Api.as(baseUrl, "runner", "runner-password");
    assertProblem(
        runner.post("api/workflows/hello-llm/runs", "{\"inputs\": {}, \"trigger\": \"a\\u0000b\"}"),
        400);

    // The failing URL reaches the span's status message; PostgreSQL refuses NUL in text.
    Api.Answer http =
        runner.post(
            "api/workflows/http-call/runs",
            "{\"inputs\": {\"url\": \"http://localhost:1/a\\u0000b\"}}");
    assertThat(http.status()).isEqualTo(201);
    Api api = new Api(baseUrl);
    JsonObject trace = api.awaitComplete(http.object().getString("traceId"));
    assertThat(trace.getInt("spanCount")).isEqualTo(4);
    // Plain columns lose the NUL; JSON columns keep it, escaped as \u0000, which every database
    // takes.
    assertThat(
            trace.getJsonArray("spans").getValuesAs(JsonObject.class).stream()
                .map(span -> span.getString("statusMessage", ""))
                .toList())
        .allSatisfy(message -> assertThat(message).doesNotContain("\0"))
        .contains(
            "Bad URL \"http://localhost:1/ab\": Illegal character in path at index 20:"
                + " http://localhost:1/ab");
    assertNextRunsAreSavedAndComplete(api, 10);
    assertThat(api.get("api/metrics").text())
        .contains("workflow_tracing_spans_rejected_total{exporter=\"database\"} 0")
        .contains("workflow_tracing_run_writes_rejected_total 0");
  }

  @Test
  void placeholdersThatAreNotPathsAreRefusedWhenTheWorkflowIsSaved() {
    Api api = new Api(baseUrl);
    for (String placeholder : List.of("${.}", "${...}")) {
      Api.Answer answer =
          api.put(
              "api/workflows/dots",
              "{\"id\": \"dots\", \"nodes\": [{\"id\": \"t\", \"type\": \"transform\","
                  + " \"config\": {\"set\": {\"a\": \""
                  + placeholder
                  + "\"}}}]}");
      assertProblem(answer, 400);
      assertThat(answer.object().getJsonArray("errors").toString())
          .contains("has placeholder \\\"" + placeholder + "\\\"");
    }
  }

  @Test
  void badInputIsA4xxProblemNeverA500() {
    Api api = new Api(baseUrl);
    String farFuture = "%2B1000000000-01-01T00:00:00Z";
    assertProblem(api.get("api/traces?from=" + farFuture), 400);
    assertProblem(api.get("api/traces?to=" + farFuture), 400);
    assertProblem(api.post("api/admin/retention?olderThan=" + farFuture, ""), 400);
    String deep = "{\"inputs\":" + "{\"a\":".repeat(1100) + "1" + "}".repeat(1101);
    assertProblem(api.post("api/workflows/hello-llm/runs", deep), 400);
    assertProblem(
        api.post("api/workflows/hello-llm/runs", "{\"inputs\":{\"n\":" + "9".repeat(1100) + "}}"),
        400);
    assertProblem(
        api.post("api/workflows/hello-llm/runs", "{\"inputs\":{\"n\":1e2147483648}}"), 400);
    assertProblem(api.get("api/workflows", "Accept", "*/*;q=garbage"), 400);
    assertProblem(
        api.post(
            "api/workflows/hello-llm/runs",
            "{}",
            "Content-Type",
            "application/json; charset=nonsense"),
        415);
    String longName = "n".repeat(201);
    assertProblem(
        api.put(
            "api/workflows/it-long",
            "{\"id\": \"it-long\", \"name\": \""
                + longName
                + "\", \"nodes\": [{\"id\": \"t\", \"type\": \"transform\","
                + " \"config\": {\"set\": {\"a\": \"1\"}}}]}"),
        400);
    assertProblem(
        api.put(
            "api/workflows/it-long",
            "{\"id\": \"it-long\", \"description\": \""
                + "d".repeat(2001)
                + "\", \"nodes\": [{\"id\": \"t\", \"type\": \"transform\","
                + " \"config\": {\"set\": {\"a\": \"1\"}}}]}"),
        400);
    assertProblem(api.get("api/traces?name=%00"), 400);
    assertProblem(api.get("api/workflows/a%00b"), 400);
    assertProblem(
        api.post(
            "api/workflows/hello-llm/runs",
            "{\"inputs\": {\"name\": \"" + "y".repeat(1_000_100) + "\"}}"),
        413);
  }

  @Test
  void theServersOwnErrorsAreProblemsToo() {
    assertProblem(Api.anonymous(baseUrl).get("api/workflows"), 401);
    assertProblem(Api.as(baseUrl, "viewer", "wrong-password").get("api/workflows"), 401);
    Api.Answer malformed =
        Api.anonymous(baseUrl).get("api/workflows", "Authorization", "Basic !!!");
    assertProblem(malformed, 401);
    assertProblem(new Api(baseUrl).get("no-such-file.js"), 404);
    assertProblem(
        Api.as(baseUrl, "viewer", "viewer-password").put("api/workflows/it-x", "{}"), 403);
  }

  private static void assertNextRunsAreSavedAndComplete(Api api, int runs) {
    List<String> traces = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      Api.Answer run =
          api.post("api/workflows/hello-llm/runs", "{\"inputs\": {\"name\": \"n" + i + "\"}}");
      assertThat(run.status()).isEqualTo(201);
      assertThat(api.get("api/runs/" + run.object().getString("runId")).status())
          .as("run %d is saved", i)
          .isEqualTo(200);
      traces.add(run.object().getString("traceId"));
    }
    for (String traceId : traces) {
      JsonObject trace = api.awaitComplete(traceId);
      assertThat(trace.getInt("spanCount")).isEqualTo(SPANS_OF_HELLO_LLM);
    }
  }
}
