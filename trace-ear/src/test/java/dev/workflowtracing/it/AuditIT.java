package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
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
 * The audit trail: one row for each audited action, with who, from where and on what; filters by
 * actor and action, paging by cursor; never a password; bad filters refused with a problem.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditIT {

  private static final String WRONG_PASSWORD = "not-the-Passw0rd-4242";

  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.builtEar();
  }

  @Test
  void eachAuditedActionLeavesOneRowWithWhoWhereAndWhat() {
    Api admin = new Api(baseUrl);
    String since = Instant.now().toString();

    String workflow = "audit-" + Long.toString(System.nanoTime(), 36);
    assertThat(
            admin
                .put(
                    "api/workflows/" + workflow,
                    "{\"id\":\""
                        + workflow
                        + "\",\"name\":\"Audited\",\"nodes\":[{\"id\":\"w\","
                        + "\"type\":\"delay\",\"config\":{\"ms\":3000}}],\"edges\":[]}")
                .status())
        .isEqualTo(201);
    String runId = admin.startAsync(workflow, "{}");
    admin.awaitStatus(runId, "RUNNING", Duration.ofSeconds(30));
    assertThat(admin.post("api/runs/" + runId + "/cancel", "").status()).isIn(200, 202);
    assertThat(admin.put("api/admin/tracing/recording", "{\"recording\": false}").status())
        .isEqualTo(200);
    assertThat(admin.put("api/admin/tracing/recording", "{\"recording\": true}").status())
        .isEqualTo(200);
    String traceId = admin.post("api/workflows/hello-llm/runs", "{}").object().getString("traceId");
    admin.awaitComplete(traceId);
    String export = admin.get("api/traces/" + traceId + "/otlp").text();
    assertThat(admin.delete("api/traces/" + traceId).status()).isEqualTo(204);
    assertThat(admin.post("api/traces/import", export).status()).isEqualTo(201);
    assertThat(admin.post("api/admin/retention?olderThan=2000-01-01T00:00:00Z", "").status())
        .isEqualTo(200);
    assertThat(Api.as(baseUrl, "viewer", WRONG_PASSWORD).get("api/workflows").status())
        .isEqualTo(401);

    assertOne(admin, since, "workflow.saved", "admin", workflow);
    assertOne(admin, since, "run.cancelled", "admin", runId);
    assertOne(admin, since, "recording.paused", "admin", null);
    assertOne(admin, since, "recording.resumed", "admin", null);
    assertOne(admin, since, "trace.deleted", "admin", traceId);
    assertOne(admin, since, "traces.imported", "admin", traceId);
    assertOne(admin, since, "traces.purged", "admin", null);
    assertOne(admin, since, "login.failed", "viewer", "viewer");

    Api.Answer all = admin.get("api/admin/audit?from=" + since + "&limit=500");
    assertThat(all.text()).doesNotContain(WRONG_PASSWORD, "admin-password", "viewer-password");
    List<JsonObject> byViewer =
        admin
            .get("api/admin/audit?from=" + since + "&actor=viewer")
            .object()
            .getJsonArray("items")
            .getValuesAs(JsonObject.class);
    assertThat(byViewer).extracting(r -> r.getString("action")).containsOnly("login.failed");
  }

  @Test
  void pagesFollowOneAnotherNewestFirstWithoutGapsOrRepeats() {
    Api admin = new Api(baseUrl);
    String since = Instant.now().toString();
    for (int i = 0; i < 5; i++) {
      admin.put("api/admin/tracing/recording", "{\"recording\": true}");
    }
    List<String> ids = new ArrayList<>();
    List<String> times = new ArrayList<>();
    String cursor = null;
    do {
      JsonObject page =
          admin
              .get(
                  "api/admin/audit?action=recording.resumed&limit=2&from="
                      + since
                      + (cursor == null ? "" : "&cursor=" + cursor))
              .object();
      for (JsonObject row : page.getJsonArray("items").getValuesAs(JsonObject.class)) {
        ids.add(row.getString("eventId"));
        times.add(row.getString("at"));
      }
      cursor = page.isNull("nextCursor") ? null : page.getString("nextCursor");
    } while (cursor != null);

    assertThat(ids).hasSize(5).doesNotHaveDuplicates();
    assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void badFiltersAreRefusedWithAReasonAndViewersMayNotRead() {
    Api admin = new Api(baseUrl);
    for (String query :
        List.of(
            "action=bogus",
            "cursor=not-a-cursor",
            "limit=0",
            "limit=501",
            "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z",
            "from=yesterday")) {
      Api.Answer answer = admin.get("api/admin/audit?" + query);
      assertThat(answer.status()).as(query).isEqualTo(400);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.object().getString("detail")).isNotBlank();
    }
    assertThat(Api.as(baseUrl, "viewer", "viewer-password").get("api/admin/audit").status())
        .isEqualTo(403);
  }

  private static void assertOne(
      Api admin, String since, String action, String actor, String target) {
    List<JsonObject> rows =
        admin
            .get("api/admin/audit?from=" + since + "&action=" + action + "&actor=" + actor)
            .object()
            .getJsonArray("items")
            .getValuesAs(JsonObject.class);
    assertThat(rows).as(action).hasSize(1);
    JsonObject row = rows.get(0);
    assertThat(row.getString("actor")).isEqualTo(actor);
    assertThat(row.getString("address")).isNotBlank();
    if (target != null) {
      assertThat(row.getString("target")).as(action).isEqualTo(target);
    }
  }
}
