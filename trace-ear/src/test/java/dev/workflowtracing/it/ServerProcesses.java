package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** The test servers' JVMs, told apart by their base directories. */
final class ServerProcesses {

  private ServerProcesses() {}

  /** SIGKILL to the server whose base dir is {@code baseDir}: no shutdown hook, no flush. */
  static void kill(String baseDir) {
    List<ProcessHandle> servers =
        ProcessHandle.allProcesses()
            .filter(
                p ->
                    p.info()
                        .commandLine()
                        .map(
                            line ->
                                line.contains("-Djboss.server.base.dir=")
                                    && line.contains("/" + baseDir + " "))
                        .orElse(false))
            .toList();
    assertThat(servers).as("the JVM of " + baseDir).hasSize(1);
    ProcessHandle server = servers.get(0);
    assertThat(server.destroyForcibly()).isTrue();
    server.onExit().join();
  }
}
