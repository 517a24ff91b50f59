package dev.workflowtracing.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServerIdentityTest {

  @AfterEach
  void clear() {
    System.clearProperty("jboss.node.name");
    System.clearProperty("jboss.socket.binding.port-offset");
  }

  @Test
  void theConfiguredIdentityWins() {
    System.setProperty("jboss.node.name", "node-a");
    assertThat(ServerIdentity.of(Optional.of(" wf-1 "))).isEqualTo("wf-1");
  }

  @Test
  void otherwiseTheNodeNameWithThePortOffsetSoThatTwoServersOnOneMachineDiffer() {
    System.setProperty("jboss.node.name", "node-a");
    assertThat(ServerIdentity.of(Optional.of(""))).isEqualTo("node-a");
    System.setProperty("jboss.socket.binding.port-offset", "100");
    assertThat(ServerIdentity.of(Optional.empty())).isEqualTo("node-a:100");
  }
}
