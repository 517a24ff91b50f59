package dev.workflowtracing.it;

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
 * With the OTLP collector down (answering 503), runs keep succeeding and the database still gets
 * every span: each exporter has its own batch processor. The failures show in the metrics.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CollectorDownIT {

  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.builtEar();
  }

  @Test
  void runsAndTheDatabaseDoNotDependOnTheCollector() throws Exception {
    try (OtlpReceiver collector = new OtlpReceiver(Integer.getInteger("it.otlp.port"))) {
      collector.accepting(false);
      Api api = new Api(baseUrl);
      List<String> traces = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        Api.Answer run = api.post("api/workflows/retry-then-succeed/runs", "{}");
        assertThat(run.object().getString("status")).isEqualTo("SUCCEEDED");
        traces.add(run.object().getString("traceId"));
      }

      for (String traceId : traces) {
        JsonObject trace = api.awaitComplete(traceId);
        assertThat(trace.getInt("spanCount")).isEqualTo(9);
      }
      assertThat(collector.allSpans()).isEmpty();
      String metrics =
          api.await(
                  "api/metrics",
                  a ->
                      !a.text()
                          .contains("workflow_tracing_spans_failed_total{exporter=\"otlp\"} 0"),
                  Duration.ofSeconds(30))
              .text();
      assertThat(metrics)
          .contains("workflow_tracing_spans_dropped_total{exporter=\"database\"} 0")
          .contains("workflow_tracing_spans_exported_total{exporter=\"database\"} 90")
          .contains("# TYPE workflow_tracing_queue_spans gauge");
    }
  }
}
