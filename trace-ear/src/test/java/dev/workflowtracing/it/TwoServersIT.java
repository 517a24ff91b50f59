package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two servers on one PostgreSQL database: server-a (the tests' server) and server-b (ports moved by
 * 200). Starting b leaves a's runs alone; a run executing on a is cancelled through b; the runs of
 * a killed b end ABORTED on a within a minute; a third server claiming server-a's identity refuses
 * to start. Each server has its own embedded broker here: the shared queue needs the cluster's
 * standalone broker. Runs in the PostgreSQL pass of bin/test (H2's file is one server's).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TwoServersIT {

  private static final String PEER = "peer";
  private static final String PEER_EAR = "peer-ear";
  private static final String DUPLICATE = "duplicate";
  private static final String DUPLICATE_EAR = "duplicate-ear";
  private static final Duration RECOVERY_BOUND = Duration.ofSeconds(60);

  @ArquillianResource URL baseUrl;
  @ArquillianResource ContainerController containers;
  @ArquillianResource Deployer deployer;

  private final Api b = Api.at("http://localhost:8280/");

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.builtEar();
  }

  @Deployment(name = PEER_EAR, managed = false, testable = false)
  @TargetsContainer(PEER)
  static EnterpriseArchive peerEar() {
    return Deployments.builtEar();
  }

  @Deployment(name = DUPLICATE_EAR, managed = false, testable = false)
  @TargetsContainer(DUPLICATE)
  static EnterpriseArchive duplicateEar() {
    return Deployments.builtEar();
  }

  @BeforeEach
  void onSharedDatabaseOnly() {
    Assumptions.assumeTrue(
        "postgres".equals(System.getProperty("it.db")), "two servers need a shared database");
  }

  @AfterEach
  void stopOthers() {
    for (String container : List.of(PEER, DUPLICATE)) {
      if (containers.isStarted(container)) {
        containers.kill(container);
      }
    }
  }

  @Test
  void aSecondServerLeavesTheFirstsRunsAloneAndCancelsOneThroughTheDatabase() {
    Api a = new Api(baseUrl);
    List<String> onA = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      onA.add(a.startAsync("slow-llm-chain", "{\"topic\": \"two servers\"}"));
    }
    a.awaitStatus(onA.get(0), "RUNNING", Duration.ofSeconds(30));

    startPeer();
    for (String runId : onA) {
      JsonObject run = b.awaitEnded(runId, Duration.ofSeconds(60));
      assertThat(run.getString("status")).as("a's run " + runId).isEqualTo("SUCCEEDED");
      assertThat(run.getString("executedBy")).isEqualTo("server-a");
    }

    String victim = a.startAsync("slow-llm-chain", "{\"topic\": \"two servers\"}");
    b.awaitStatus(victim, "RUNNING", Duration.ofSeconds(30));
    Api.Answer cancelled = b.post("api/runs/" + victim + "/cancel", "");
    assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
    assertThat(cancelled.object().getString("status")).isEqualTo("CANCELLED");
    assertThat(cancelled.object().getString("error")).isEqualTo("Cancelled by admin");
    assertThat(cancelled.object().getString("executedBy")).isEqualTo("server-a");
    JsonObject trace = b.awaitComplete(cancelled.object().getString("traceId"));
    JsonObject root =
        trace.getJsonArray("spans").stream()
            .map(JsonValue::asJsonObject)
            .filter(s -> "run".equals(s.getString("role", "")))
            .findFirst()
            .orElseThrow();
    assertThat(root.getJsonObject("attributes").getBoolean("workflow.run.cancelled")).isTrue();

    // A run accepted by b executes on b, and a reads its whole trace.
    Api.Answer direct = b.post("api/workflows/hello-llm/runs", "{\"inputs\": {\"name\": \"B\"}}");
    assertThat(direct.status()).as(direct.text()).isEqualTo(201);
    assertThat(direct.object().getString("executedBy")).isEqualTo("server-b");
    a.awaitComplete(direct.object().getString("traceId"));
    assertThat(
            a.get("api/runs/" + direct.object().getString("runId"))
                .object()
                .getString("executedBy"))
        .isEqualTo("server-b");

    // The recording pause holds for both servers, whichever one an admin asked.
    try {
      assertThat(a.put("api/admin/tracing/recording", "{\"recording\": false}").status())
          .isEqualTo(200);
      awaitRecording(b, false);
      JsonObject untraced = b.post("api/workflows/hello-llm/runs", "{}").object();
      assertThat(untraced.get("traceId")).isEqualTo(JsonValue.NULL);
    } finally {
      assertThat(b.put("api/admin/tracing/recording", "{\"recording\": true}").status())
          .isEqualTo(200);
    }
    awaitRecording(a, true);
  }

  /** Follows within 2 s: a bound of 10 s leaves room for a loaded machine. */
  private static void awaitRecording(Api api, boolean recording) {
    api.await(
        "api/admin/tracing",
        r -> r.object().getJsonObject("pipeline").getBoolean("recording") == recording,
        Duration.ofSeconds(10));
  }

  @Test
  void theRunsOfAKilledServerEndAbortedOnTheOtherWithinAMinute() throws Exception {
    Api a = new Api(baseUrl);
    startPeer();
    List<String> onB = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      onB.add(b.startAsync("slow-llm-chain", "{\"topic\": \"two servers\"}"));
    }
    for (String runId : onB) {
      a.awaitStatus(runId, "RUNNING", Duration.ofSeconds(30));
    }
    ServerProcesses.kill("it-peer-server");
    long killedAt = System.nanoTime();
    containers.kill(PEER);

    for (String runId : onB) {
      JsonObject run = a.awaitEnded(runId, RECOVERY_BOUND.plusSeconds(15));
      assertThat(run.getString("status")).isEqualTo("ABORTED");
      assertThat(run.getString("error")).contains("server-b", "stopped");
    }
    Duration took = Duration.ofNanos(System.nanoTime() - killedAt);
    System.out.println("TwoServersIT: server-b's runs ended ABORTED " + took + " after its kill");
    assertThat(took).isLessThan(RECOVERY_BOUND);
  }

  @Test
  void aServerWithTheIdentityOfARunningOneRefusesToStart() throws Exception {
    containers.start(DUPLICATE);
    assertThatThrownBy(() -> deployer.deploy(DUPLICATE_EAR)).isNotNull();
    Path log = Path.of(System.getProperty("it.target"), "it-duplicate-server", "log", "server.log");
    assertThat(Files.readString(log))
        .contains("Another server is running as \"server-a\"", "set tracing.instance.id");
    // The server that holds the identity goes on.
    assertThat(new Api(baseUrl).get("api/workflows").status()).isEqualTo(200);
  }

  @Test
  void aSessionAndATokenHoldOnBothServersAndTheirEndOnBothAtOnce() {
    startPeer();
    Api a = new Api(baseUrl);
    Api anonymousA = Api.anonymous(baseUrl);
    Api anonymousB = Api.anonymous(Api.url(b.base().toString()));
    AccountsIT.Session session = AccountsIT.signIn(anonymousA, "viewer", "viewer-password");
    assertThat(anonymousB.get("api/me", "Cookie", session.cookie()).status()).isEqualTo(200);
    anonymousB.call(
        "DELETE", "api/session", null, "Cookie", session.cookie(), "X-CSRF-Token", session.csrf());
    assertThat(anonymousA.get("api/me", "Cookie", session.cookie()).status()).isEqualTo(401);

    Api.Answer created =
        a.post(
            "api/admin/tokens",
            AccountsIT.tokenRequest("two-servers-" + java.util.UUID.randomUUID(), "viewer", 1));
    String secret = created.object().getString("secret");
    Api tokenOnB = Api.withAuthorization(Api.url(b.base().toString()), "Bearer " + secret);
    assertThat(tokenOnB.get("api/me").status()).isEqualTo(200);
    a.delete("api/admin/tokens/" + created.object().getJsonObject("token").getString("id"));
    assertThat(tokenOnB.get("api/me").status()).isEqualTo(401);
  }

  private void startPeer() {
    containers.start(PEER);
    if (b.get("api/workflows").status() == 200) {
      deployer.undeploy(PEER_EAR); // restored at boot from an earlier test
    }
    deployer.deploy(PEER_EAR);
  }
}
