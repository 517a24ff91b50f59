package dev.workflowtracing.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The downstream service of the interop tests (src/test/downstream/Inventory.java), run as its own
 * JVM with the OpenTelemetry Java agent from Maven Central: an OTLP client we did not write. Its
 * output goes to a file, which the logging-exporter test reads.
 */
final class AgentService implements AutoCloseable {

  final int port;
  final Path output;
  private final Process process;

  private AgentService(int port, Path output, Process process) {
    this.port = port;
    this.output = output;
    this.process = process;
  }

  /**
   * Starts the service as {@code serviceName} with the agent's own settings ({@code otel.*}) and
   * returns once it answers.
   */
  static AgentService start(String serviceName, List<String> agentSettings) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path output =
        Path.of(System.getProperty("it.target"), "agent-" + serviceName + "-" + port + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-javaagent:" + System.getProperty("it.javaagent"));
    // Launched from a source file, the JVM runs a JDK tool, which the agent skips unless told.
    command.add("-Dotel.javaagent.enabled=true");
    command.add("-Dotel.service.name=" + serviceName);
    command.add("-Dotel.metrics.exporter=none");
    command.add("-Dotel.logs.exporter=none");
    command.add("-Dotel.instrumentation.java-http-server.enabled=true");
    agentSettings.forEach(setting -> command.add("-D" + setting));
    command.add(
        Path.of(System.getProperty("it.root"), "trace-ear/src/test/downstream/Inventory.java")
            .toString());
    command.add(Integer.toString(port));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    AgentService service = new AgentService(port, output, process);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!service.log().contains("inventory listening")) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        service.close();
        throw new AssertionError("The agent's service did not start:\n" + service.log());
      }
      Api.sleep(200);
    }
    return service;
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  String log() {
    try {
      return Files.exists(output) ? Files.readString(output) : "";
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
