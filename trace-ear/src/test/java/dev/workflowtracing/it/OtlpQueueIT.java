package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
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
 * With the OTLP collector down, its batch processor's queue stays within its capacity, what it
 * drops is counted, and the database still gets every span.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OtlpQueueIT {

  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.builtEar();
  }

  @Test
  void whileTheCollectorIsDownTheOtlpQueueStaysBoundedAndItsDropsAreCounted() throws Exception {
    try (OtlpReceiver collector = new OtlpReceiver(Integer.getInteger("it.otlp.port"))) {
      collector.accepting(false);
      Api api = new Api(baseUrl);
      // 2,005 spans a run: five runs overflow the 8,192 spans of the OTLP queue while its
      // exporter retries against the refusing collector.
      List<String> traces = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        traces.add(api.post("api/workflows/fan-out/runs", "{}").object().getString("traceId"));
      }
      for (String traceId : traces) {
        assertThat(api.awaitComplete(traceId).getInt("spanCount")).isEqualTo(2005);
      }
      String metrics = api.get("api/metrics").text();
      assertThat(gauge(metrics, "workflow_tracing_queue_spans{processor=\"otlp\"}"))
          .isLessThanOrEqualTo(
              gauge(metrics, "workflow_tracing_queue_capacity_spans{processor=\"otlp\"}"));
      assertThat(gauge(metrics, "workflow_tracing_spans_dropped_total{exporter=\"otlp\"}"))
          .isPositive();
      assertThat(metrics).contains("workflow_tracing_spans_dropped_total{exporter=\"database\"} 0");
    }
  }

  private static long gauge(String metrics, String series) {
    return metrics
        .lines()
        .filter(line -> line.startsWith(series + " "))
        .mapToLong(line -> Long.parseLong(line.substring(series.length() + 1).trim()))
        .findFirst()
        .orElseThrow(() -> new AssertionError(series + " missing in " + metrics));
  }
}
