package dev.workflowtracing.it;

import static dev.workflowtracing.it.ProblemResponsesIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /api/traces: filters, keyset pagination, and a 400 for every bad parameter. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TraceListIT {

  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.builtEar();
  }

  @Test
  void pagesHaveNoDuplicatesOrGapsWhileNewRunsArrive() {
    Api api = new Api(baseUrl);
    String workflow = newWorkflow(api);
    List<String> before = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      before.add(0, run(api, workflow)); // newest first
    }

    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonObject page =
          api.get(
                  "api/traces?limit=3&workflowId="
                      + workflow
                      + (cursor == null ? "" : "&cursor=" + cursor))
              .object();
      page.getJsonArray("items").forEach(item -> seen.add(item.asJsonObject().getString("runId")));
      cursor = page.isNull("nextCursor") ? null : page.getString("nextCursor");
      if (pages++ == 0) {
        // New runs while a client pages through: they are newer, so later pages do not shift.
        run(api, workflow);
        run(api, workflow);
      }
    } while (cursor != null);

    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(before);
    JsonObject fresh = api.get("api/traces?limit=2&workflowId=" + workflow).object();
    assertThat(fresh.getJsonArray("items"))
        .extracting(i -> i.asJsonObject().getString("runId"))
        .doesNotContainAnyElementsOf(before);
  }

  /** A filter on spans looks at runs a batch at a time; its pages chain as the others do. */
  @Test
  void aSpanFilterPagesThroughEveryMatchingRunOnce() {
    Api api = new Api(baseUrl);
    String workflow = newWorkflow(api);
    List<String> newestFirst = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      JsonObject started = api.post("api/workflows/" + workflow + "/runs", "{}").object();
      api.awaitComplete(started.getString("traceId"));
      newestFirst.add(0, started.getString("runId"));
    }
    String filter = "workflowId=" + workflow + "&attribute=" + enc("workflow.run.trigger=api");

    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonObject page =
          api.get("api/traces?limit=3&" + filter + (cursor == null ? "" : "&cursor=" + cursor))
              .object();
      page.getJsonArray("items").forEach(item -> seen.add(item.asJsonObject().getString("runId")));
      cursor = page.isNull("nextCursor") ? null : page.getString("nextCursor");
      pages++;
    } while (cursor != null);

    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(newestFirst);
    JsonObject none =
        api.get(
                "api/traces?limit=3&workflowId="
                    + workflow
                    + "&name="
                    + enc("no-span-is-called-this"))
            .object();
    assertThat(none.getJsonArray("items")).isEmpty();
    assertThat(none.isNull("nextCursor")).as("fewer runs than one batch: the end").isTrue();
  }

  @Test
  void filtersCombine() {
    Api api = new Api(baseUrl);
    long start = System.currentTimeMillis();
    Api.Answer failed = api.post("api/workflows/always-fails/runs", "{}");
    String failedRun = failed.object().getString("runId");
    String traceId = failed.object().getString("traceId");
    api.awaitComplete(traceId);

    assertThat(runIds(api, "status=FAILED&workflowId=always-fails")).contains(failedRun);
    assertThat(runIds(api, "status=SUCCEEDED&workflowId=always-fails")).doesNotContain(failedRun);
    assertThat(runIds(api, "attribute=" + enc("workflow.node.id=charge-card"))).contains(failedRun);
    assertThat(runIds(api, "attribute=" + enc("workflow.node.id=no-such-node"))).isEmpty();
    // By default no key is written as a row: every key is found in the spans' JSON.
    assertThat(
            runIds(
                api, "attribute=" + enc("workflow.run.trigger=api") + "&workflowId=always-fails"))
        .contains(failedRun);
    assertThat(
            runIds(
                api,
                "attribute=" + enc("workflow.node.max_attempts=3") + "&workflowId=always-fails"))
        .contains(failedRun);
    assertThat(
            runIds(
                api,
                "attribute=" + enc("workflow.node.max_attempts=4") + "&workflowId=always-fails"))
        .doesNotContain(failedRun);
    assertThat(runIds(api, "name=CHARGE-card&workflowId=always-fails")).contains(failedRun);
    assertThat(runIds(api, "name=" + enc("100%_sure"))).isEmpty();
    assertThat(
            runIds(api, "from=" + Instant.ofEpochMilli(start - 1000) + "&workflowId=always-fails"))
        .contains(failedRun);
    assertThat(runIds(api, "to=" + Instant.ofEpochMilli(start - 1000) + "&workflowId=always-fails"))
        .doesNotContain(failedRun);
    assertThat(runIds(api, "minDurationMs=0&maxDurationMs=600000&workflowId=always-fails"))
        .contains(failedRun);
    assertThat(runIds(api, "minDurationMs=600000&workflowId=always-fails")).isEmpty();

    JsonObject item =
        api.get("api/traces?workflowId=always-fails&limit=1")
            .object()
            .getJsonArray("items")
            .getJsonObject(0);
    assertThat(item.getString("status")).isEqualTo("FAILED");
    assertThat(item.getInt("spanCount")).isEqualTo(item.getInt("expectedSpanCount"));
    assertThat(item.getBoolean("complete")).isTrue();
  }

  @Test
  void numericAttributesMatchWholeValuesOnly() {
    Api api = new Api(baseUrl);
    Api.Answer run = api.post("api/workflows/hello-llm/runs", "{\"inputs\": {\"name\": \"Ada\"}}");
    String runId = run.object().getString("runId");
    long tokens =
        api.awaitComplete(run.object().getString("traceId")).getJsonArray("spans").stream()
            .map(s -> s.asJsonObject().getJsonObject("attributes"))
            .filter(a -> a.containsKey("gen_ai.usage.input_tokens"))
            .mapToLong(a -> a.getJsonNumber("gen_ai.usage.input_tokens").longValue())
            .findFirst()
            .orElseThrow();
    assertThat(tokens).isGreaterThanOrEqualTo(10);
    String byTokens = "workflowId=hello-llm&attribute=" + enc("gen_ai.usage.input_tokens=");

    assertThat(runIds(api, byTokens + tokens)).contains(runId);
    // A prefix of the number is another number: 1 must not match 12.
    assertThat(runIds(api, byTokens + tokens / 10)).doesNotContain(runId);
  }

  @Test
  void longestFirstPagesThroughEveryRunInDurationOrder() {
    Api api = new Api(baseUrl);
    String workflow = newWorkflow(api);
    for (int i = 0; i < 7; i++) {
      run(api, workflow);
    }
    List<Long> durations = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      JsonObject page =
          api.get(
                  "api/traces?sort=duration&limit=3&workflowId="
                      + workflow
                      + (cursor == null ? "" : "&cursor=" + cursor))
              .object();
      for (JsonValue item : page.getJsonArray("items")) {
        durations.add(item.asJsonObject().getJsonNumber("durationMs").longValue());
        seen.add(item.asJsonObject().getString("runId"));
      }
      cursor = page.isNull("nextCursor") ? null : page.getString("nextCursor");
      if (cursor != null) {
        // A cursor belongs to its order.
        assertProblem(api.get("api/traces?workflowId=" + workflow + "&cursor=" + cursor), 400);
      }
    } while (cursor != null);
    assertThat(seen).hasSize(7).doesNotHaveDuplicates();
    assertThat(durations).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void badParametersAreProblems() {
    Api api = new Api(baseUrl);
    for (String query :
        List.of(
            "limit=0",
            "limit=201",
            "limit=ten",
            "cursor=not-a-cursor",
            "cursor=djE6MTIzOmJhZA",
            "status=BOGUS",
            "sort=name",
            "from=yesterday",
            "to=2026-13-01T00:00:00Z",
            "from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z",
            "minDurationMs=-1",
            "maxDurationMs=abc",
            "minDurationMs=10&maxDurationMs=5",
            "attribute=novalue",
            "attribute=" + enc("=value"),
            "name=" + "x".repeat(201))) {
      assertProblem(api.get("api/traces?" + query), 400);
    }
    // Text that looks like SQL is only ever a bound parameter.
    assertThat(runIds(api, "workflowId=" + enc("x' or '1'='1"))).isEmpty();
    assertThat(runIds(api, "attribute=" + enc("a=b' or 1=1 --"))).isEmpty();
  }

  private static List<String> runIds(Api api, String query) {
    Api.Answer answer = api.get("api/traces?limit=200&" + query);
    assertThat(answer.status()).as("%s", answer).isEqualTo(200);
    return answer.object().getJsonArray("items").stream()
        .map(JsonValue::asJsonObject)
        .map(i -> i.getString("runId"))
        .toList();
  }

  private static String newWorkflow(Api api) {
    String id = "it-list-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Answer saved =
        api.put(
            "api/workflows/" + id,
            "{\"id\": \""
                + id
                + "\", \"nodes\": [{\"id\": \"t\", \"type\": \"transform\","
                + " \"config\": {\"set\": {\"x\": \"1\"}}}]}");
    assertThat(saved.status()).isEqualTo(201);
    return id;
  }

  private static String run(Api api, String workflow) {
    return api.post("api/workflows/" + workflow + "/runs", "{}").object().getString("runId");
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
