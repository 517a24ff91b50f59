package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Nothing is lost on a graceful undeploy or shutdown: spans still queued in the OTLP batch
 * processor (the server's batch delay is a minute) are flushed first. The database has a run's
 * spans when the run is reported ended already (its end waits for them), whatever the batch delay.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GracefulShutdownIT {

  private static final String CONTAINER = "restartable";
  private static final String EAR = "restartable-ear";
  private static final int SPANS_OF_HELLO_LLM = 7;

  @ArquillianResource ContainerController containers;
  @ArquillianResource Deployer deployer;

  private OtlpReceiver otlp;
  private final Api api = Api.at("http://localhost:8180/");

  @Deployment(name = EAR, managed = false, testable = false)
  @TargetsContainer(CONTAINER)
  static EnterpriseArchive ear() {
    return Deployments.builtEar();
  }

  @BeforeEach
  void start() throws Exception {
    otlp = new OtlpReceiver(Integer.getInteger("it.otlp.port"));
    containers.start(CONTAINER);
    if (api.get("api/workflows").status() == 200) {
      // Left deployed by a shutdown test: the server restored it at boot.
      deployer.undeploy(EAR);
    }
    deployer.deploy(EAR);
  }

  @AfterEach
  void stop() {
    if (containers.isStarted(CONTAINER)) {
      containers.stop(CONTAINER);
    }
    otlp.close();
  }

  @Test
  void aRunsSpansAreStoredWhenItEndsAndAnUndeployFlushesTheRestToOtlp() {
    String traceId = runHelloLlm();
    assertThat(api.get("api/traces/" + traceId).object().getInt("spanCount"))
        .isEqualTo(SPANS_OF_HELLO_LLM);
    assertThat(otlp.spansOf(traceId)).isEmpty();

    deployer.undeploy(EAR);

    assertThat(otlp.spansOf(traceId)).hasSize(SPANS_OF_HELLO_LLM);
    deployer.deploy(EAR);
    // The store outlived the undeploy: the spans are stored.
    assertThat(api.get("api/traces/" + traceId).object().getInt("spanCount"))
        .isEqualTo(SPANS_OF_HELLO_LLM);
  }

  @Test
  void aServerShutdownFlushesQueuedSpans() throws Exception {
    String traceId = runHelloLlm();
    assertThat(otlp.spansOf(traceId)).isEmpty();
    int linesBefore = Files.readAllLines(serverLog()).size();

    containers.stop(CONTAINER);

    assertThat(otlp.spansOf(traceId)).hasSize(SPANS_OF_HELLO_LLM);
    // The periodic tasks go on while the server suspends (a draining server renews its lease),
    // where the container's scheduled executor logged WFLYEE0110 at ERROR for each refused tick.
    List<String> lines = Files.readAllLines(serverLog());
    assertThat(
            lines.subList(linesBefore, lines.size()).stream()
                .filter(line -> line.contains(" ERROR "))
                .toList())
        .as("ERROR lines the shutdown logged")
        .isEmpty();
    // The embedded default keeps its store in a file in the server's data directory (PostgreSQL
    // in its own server): the run and its whole trace outlive the restart.
    containers.start(CONTAINER);
    JsonObject trace = api.awaitComplete(traceId);
    assertThat(trace.getInt("spanCount")).isEqualTo(SPANS_OF_HELLO_LLM);
    assertThat(trace.getJsonObject("run").getString("status")).isEqualTo("SUCCEEDED");
  }

  @Test
  void aShutdownDuringACollectorOutageIsQuickAndStillFlushesTheDatabase() throws Exception {
    otlp.accepting(false);
    runHelloLlm();
    Path log = serverLog();

    long started = System.nanoTime();
    containers.stop(CONTAINER);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    // The collector gets tracing.shutdown.otlp-timeout-ms (3 s), not 30 s; the database its spans.
    assertThat(took).isLessThan(Duration.ofSeconds(15));
    String shutdown =
        Files.readAllLines(log).stream()
            .filter(line -> line.contains("Tracing shut down"))
            .reduce((first, last) -> last)
            .orElseThrow();
    assertThat(shutdown).contains("database flushed").contains("otlp NOT flushed within 3000 ms");
  }

  private static Path serverLog() {
    return Path.of(
        System.getProperty("it.restartable.log", "target/it-restartable-server/log/server.log"));
  }

  private String runHelloLlm() {
    Api.Answer run = api.post("api/workflows/hello-llm/runs", "{\"inputs\": {\"name\": \"Ada\"}}");
    assertThat(run.object().getString("status")).isEqualTo("SUCCEEDED");
    // The run has ended, but its spans wait in the OTLP processor's queue.
    Api.sleep(Duration.ofMillis(300).toMillis());
    return run.object().getString("traceId");
  }
}
