package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Canvas in a real browser against the real server: Debian's chromium, driven by the
 * playwright-core script {@code trace-web/src/main/frontend/e2e/trace-tab.e2e.mjs} (run a sample
 * workflow, open the Trace tab, see spans and a span's details, watch a run colour its nodes live
 * and show its open spans, cancel one, follow a failed node, and check that HTML in a prompt is
 * shown as text, and a downstream service's span, sent by the OpenTelemetry Java agent, under the
 * attempt that called it).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CanvasBrowserIT {

  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.builtEar();
  }

  @Test
  void theTraceTabWorksInChromium() throws Exception {
    File frontend = new File(System.getProperty("it.frontend.dir"));
    Path screenshots = Path.of(System.getProperty("it.screenshots.dir"));
    Path log = Files.createTempFile("canvas-e2e", ".log");

    boolean finished;
    Process e2e;
    try (AgentService inventory =
        AgentService.start(
            "inventory",
            java.util.List.of(
                "otel.exporter.otlp.protocol=http/protobuf",
                "otel.exporter.otlp.traces.endpoint="
                    + baseUrl.toString().replaceAll("/$", "")
                    + "/v1/traces",
                "otel.exporter.otlp.traces.headers=Authorization=Bearer%20" + OtlpIngestIT.TOKEN,
                "otel.bsp.schedule.delay=500"))) {
      e2e =
          new ProcessBuilder(
                  "node",
                  "e2e/trace-tab.e2e.mjs",
                  baseUrl.toString(),
                  screenshots.toString(),
                  inventory.url(""))
              .directory(frontend)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      finished = e2e.waitFor(250, TimeUnit.SECONDS);
    }
    String output = Files.readString(log);
    System.out.println(output);

    assertThat(finished).as("the browser test ended in time; output:%n%s", output).isTrue();
    assertThat(e2e.exitValue()).as("browser test output:%n%s", output).isZero();
    assertThat(screenshots.resolve("trace-tab.png")).exists();
    assertThat(screenshots.resolve("failed-node.png")).exists();
    assertThat(screenshots.resolve("live-run.png")).exists();
    assertThat(screenshots.resolve("cancelled-run.png")).exists();
    assertThat(screenshots.resolve("downstream-trace.png")).exists();
  }

  @Test
  void loginLogoutExpiryCsrfAndTokensWorkInChromium() throws Exception {
    File frontend = new File(System.getProperty("it.frontend.dir"));
    Path screenshots = Path.of(System.getProperty("it.screenshots.dir"));
    Path log = Files.createTempFile("accounts-e2e", ".log");
    // The test servers' tracing.session.idle-timeout (trace-ear/pom.xml).
    ProcessBuilder builder =
        new ProcessBuilder(
                "node", "e2e/accounts.e2e.mjs", baseUrl.toString(), screenshots.toString())
            .directory(frontend)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("E2E_SESSION_IDLE_SECONDS", "15");
    Process e2e = builder.start();
    boolean finished = e2e.waitFor(180, TimeUnit.SECONDS);
    String output = Files.readString(log);
    System.out.println(output);
    assertThat(finished).as("the browser test ended in time; output:%n%s", output).isTrue();
    assertThat(e2e.exitValue()).as("browser test output:%n%s", output).isZero();
    assertThat(screenshots.resolve("login-page.png")).exists();
    assertThat(screenshots.resolve("api-tokens.png")).exists();
  }
}
