package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonValue;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server runs with the environment variable TRACING_ENABLED=false (see the failsafe execution
 * "tracing-disabled-tests"): workflows still run and are recorded as runs, but produce no spans,
 * neither in the database nor over OTLP.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TracingDisabledIT {

  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.builtEar();
  }

  @Test
  void runsWorkWithoutAnySpans() throws Exception {
    assertThat(System.getenv("TRACING_ENABLED")).isEqualTo("false");
    try (OtlpReceiver otlp = new OtlpReceiver(Integer.getInteger("it.otlp.port"))) {
      Api api = new Api(baseUrl);

      Api.Answer run =
          api.post("api/workflows/hello-llm/runs", "{\"inputs\": {\"name\": \"Ada\"}}");

      assertThat(run.status()).isEqualTo(201);
      assertThat(run.object().getString("status")).isEqualTo("SUCCEEDED");
      assertThat(run.object().get("traceId")).isEqualTo(JsonValue.NULL);
      Api.Answer stored = api.get("api/runs/" + run.object().getString("runId"));
      assertThat(stored.status()).isEqualTo(200);
      assertThat(stored.object().getString("status")).isEqualTo("SUCCEEDED");
      assertThat(stored.object().getInt("spanCount")).isZero();
      // Ten batch delays of the test configuration: anything exported would have arrived.
      Thread.sleep(1000);
      assertThat(otlp.allSpans()).isEmpty();
      // Only a restart with tracing.enabled=true can start recording.
      Api.Answer resume = api.put("api/admin/tracing/recording", "{\"recording\": true}");
      ProblemResponsesIT.assertProblem(resume, 409);
      assertThat(resume.object().getString("detail")).contains("tracing.enabled");
    }
  }
}
