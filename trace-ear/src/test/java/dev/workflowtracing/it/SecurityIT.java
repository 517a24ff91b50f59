package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every protected endpoint answers 401 without credentials and 403 with the wrong role; each role
 * can do what it is for. Users: config/cli/add-users.sh's demo users.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityIT {

  private static final String TRACE = "0123456789abcdef0123456789abcdef";

  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.builtEar();
  }

  /** One endpoint, called as some user. */
  record Call(String name, Function<Api, Api.Answer> call) {}

  private static final List<Call> READS =
      List.of(
          new Call("GET /api/workflows", api -> api.get("api/workflows")),
          new Call("GET /api/workflows/{id}", api -> api.get("api/workflows/hello-llm")),
          new Call("GET /api/traces", api -> api.get("api/traces")),
          new Call("GET /api/traces/{id}", api -> api.get("api/traces/" + TRACE)),
          new Call(
              "GET /api/runs/{id}",
              api -> api.get("api/runs/00000000-0000-0000-0000-000000000000")),
          new Call("GET /api/ui/config", api -> api.get("api/ui/config")),
          new Call("GET /api/me", api -> api.get("api/me")),
          new Call("GET /api/openapi.yaml", api -> api.get("api/openapi.yaml")));
  private static final Call RUN =
      new Call(
          "POST /api/workflows/{id}/runs", api -> api.post("api/workflows/hello-llm/runs", "{}"));
  private static final List<Call> ADMIN_ONLY =
      List.of(
          new Call("PUT /api/workflows/{id}", api -> api.put("api/workflows/sec", "{}")),
          new Call("DELETE /api/traces/{id}", api -> api.delete("api/traces/" + TRACE)),
          new Call("GET /api/admin/tracing", api -> api.get("api/admin/tracing")),
          new Call(
              "POST /api/admin/retention",
              api -> api.post("api/admin/retention?olderThan=2000-01-01T00:00:00Z", "")));

  @Test
  void withoutCredentialsEverythingIs401() {
    Api anonymous = Api.anonymous(baseUrl);
    // The Canvas's page is open to anyone: it is where one logs in, and it holds no data.
    assertThat(anonymous.get("").status()).isEqualTo(200);
    for (Call call : concat(READS, List.of(RUN), ADMIN_ONLY)) {
      Api.Answer answer = call.call().apply(anonymous);
      assertThat(answer.status()).as(call.name()).isEqualTo(401);
    }
    assertThat(Api.as(baseUrl, "admin", "wrong-password").get("api/workflows").status())
        .isEqualTo(401);
  }

  @Test
  void aViewerReadsButMayNotRunEditOrAdminister() {
    Api viewer = Api.as(baseUrl, "viewer", "viewer-password");
    for (Call call : READS) {
      assertThat(call.call().apply(viewer).status()).as(call.name()).isIn(200, 404);
    }
    for (Call call : concat(List.of(RUN), ADMIN_ONLY)) {
      Api.Answer answer = call.call().apply(viewer);
      assertThat(answer.status()).as(call.name()).isEqualTo(403);
      ProblemResponsesIT.assertProblem(answer, 403);
    }
    assertThat(viewer.get("api/me").object().getJsonArray("roles").toString())
        .isEqualTo("[\"viewer\"]");
  }

  @Test
  void aRunnerRunsButMayNotAdminister() {
    Api runner = Api.as(baseUrl, "runner", "runner-password");
    assertThat(RUN.call().apply(runner).status()).isEqualTo(201);
    for (Call call : ADMIN_ONLY) {
      assertThat(call.call().apply(runner).status()).as(call.name()).isEqualTo(403);
    }
  }

  @Test
  void anAdminMayDoEverything() {
    Api admin = new Api(baseUrl);
    assertThat(admin.get("api/admin/tracing").status()).isEqualTo(200);
    assertThat(admin.get("api/me").object().getJsonArray("roles").toString())
        .isEqualTo("[\"viewer\",\"runner\",\"admin\"]");
  }

  @SafeVarargs
  private static List<Call> concat(List<Call>... lists) {
    return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
  }
}
