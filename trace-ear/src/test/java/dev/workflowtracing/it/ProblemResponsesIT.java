package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad input gets a 4xx application/problem+json answer that says what is wrong, never a 500. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProblemResponsesIT {

  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.builtEar();
  }

  @Test
  void anInvalidWorkflowIsRejectedWithEveryReason() {
    Api.Answer answer =
        api()
            .put(
                "api/workflows/loop",
                """
                {"id": "loop", "nodes": [
                  {"id": "a", "type": "delay", "config": {"ms": 1}},
                  {"id": "b", "type": "quantum"},
                  {"id": "c", "type": "delay", "config": {"ms": 1}}],
                 "edges": [{"from": "a", "to": "c"}, {"from": "c", "to": "a"},
                           {"from": "a", "to": "ghost"}]}
                """);

    assertProblem(answer, 400);
    assertThat(answer.object().getString("title")).isEqualTo("Invalid workflow definition");
    assertThat(
            answer.object().getJsonArray("errors").getValuesAs(jakarta.json.JsonString::getString))
        .containsExactlyInAnyOrder(
            "node \"b\" has unknown type \"quantum\" (known: llm, http, transform, branch, delay,"
                + " fail)",
            "edge a -> ghost ends at unknown node \"ghost\"");
    Api.Answer cycle =
        api()
            .put(
                "api/workflows/loop",
                """
                {"id": "loop", "nodes": [
                  {"id": "a", "type": "delay", "config": {"ms": 1}},
                  {"id": "c", "type": "delay", "config": {"ms": 1}}],
                 "edges": [{"from": "a", "to": "c"}, {"from": "c", "to": "a"}]}
                """);
    assertProblem(cycle, 400);
    assertThat(cycle.object().getString("detail")).contains("cycle through nodes [a, c]");
  }

  @Test
  void aValidWorkflowIsSavedAsANewVersionAndCanRun() {
    String definition =
        """
        {"id": "it-saved", "nodes": [{"id": "t", "type": "transform", "config": {"set": {"x": "1"}}}]}
        """;
    Api.Answer first = api().put("api/workflows/it-saved", definition);
    Api.Answer second = api().put("api/workflows/it-saved", definition);

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.object().getInt("version")).isEqualTo(first.object().getInt("version") + 1);
    assertThat(api().post("api/workflows/it-saved/runs", "{}").object().getString("status"))
        .isEqualTo("SUCCEEDED");
  }

  @Test
  void badRequestsAreProblems() {
    assertProblem(api().post("api/workflows/no-such-workflow/runs", "{}"), 404);
    assertProblem(api().get("api/workflows/no-such-workflow"), 404);
    assertProblem(api().post("api/workflows/hello-llm/runs", "{not json"), 400);
    assertProblem(api().post("api/workflows/hello-llm/runs", "{\"inputs\": [1, 2]}"), 400);
    assertProblem(api().post("api/workflows/hello-llm/runs", "{\"trigger\": 5}"), 400);
    assertProblem(api().put("api/workflows/other", "{\"id\": \"mismatch\", \"nodes\": []}"), 400);
    assertProblem(api().get("api/traces/not-a-trace-id"), 400);
    assertProblem(api().get("api/traces/0123456789abcdef0123456789abcdef"), 404);
    assertProblem(api().get("api/traces/0123456789abcdef0123456789abcdef/spans/xyz"), 400);
    assertProblem(
        api().get("api/traces/0123456789abcdef0123456789abcdef/spans/0123456789abcdef"), 404);
    assertProblem(api().get("api/runs/nope"), 400);
    assertProblem(api().get("api/runs/00000000-0000-0000-0000-000000000000"), 404);
    assertProblem(api().get("api/no-such-resource"), 404);
  }

  @Test
  void theApiServesItsOpenApiDocument() {
    Api.Answer answer = api().get("api/openapi.yaml");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.contentType()).startsWith("application/yaml");
    assertThat(answer.text())
        .startsWith("openapi: 3")
        .contains("/workflows/{id}/runs:", "/traces:", "/traces/{traceId}/spans/{spanId}:");
  }

  private Api api() {
    return new Api(baseUrl);
  }

  static void assertProblem(Api.Answer answer, int status) {
    assertThat(answer.status()).as("status of %s", answer).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.object().getInt("status")).isEqualTo(status);
    assertThat(answer.object().getString("title")).isNotBlank();
    assertThat(answer.object().getString("detail")).isNotBlank().doesNotContain("Exception:");
  }
}
