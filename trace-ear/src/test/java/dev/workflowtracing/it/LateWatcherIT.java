package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowtracing.it.RunEventStream.Event;
import dev.workflowtracing.it.RunEventStream.Resumed;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Watchers of the 1,000-node fan-out (2,007 events) that join late, mid-run, resume from early on
 * or read slowly: each reaches RunEnded, with the run's stored final state, and never loops on
 * reconnecting. A late joiner is sent a snapshot of the run instead of its thousands of events.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LateWatcherIT {

  private static final Duration WITHIN = Duration.ofSeconds(5);

  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.builtEar();
  }

  @Test
  void aWatcherThatJoinsThreeSecondsLateGetsTheFinalStateAndTheEndAtOnce() throws Exception {
    Api api = new Api(baseUrl);
    String runId = api.startAsync("fan-out", null);
    Api.sleep(3_000);
    Resumed late = RunEventStream.readResuming(baseUrl, runId, null, Duration.ZERO, WITHIN);
    assertThat(late.connections()).isEqualTo(1);
    assertEndsAsStored(api, runId, late);
    Event first = late.events().get(0);
    if (first.name().equals("RunSnapshot")) {
      assertThat(first.data().getJsonArray("nodes")).hasSize(1_002);
      assertThat(late.events()).hasSize(2);
      assertThat(late.last().id()).isEqualTo(first.id() + 1);
    }

    Resumed early = RunEventStream.readResuming(baseUrl, runId, "5", Duration.ZERO, WITHIN);
    assertThat(early.events()).extracting(Event::name).containsExactly("RunSnapshot", "RunEnded");
    assertThat(early.events().get(0).data().getJsonArray("nodes"))
        .extracting(n -> n.asJsonObject().getString("state"))
        .containsOnly("succeeded");
    assertEndsAsStored(api, runId, early);
    assertThat(api.metric("workflow_tracing_event_stream_snapshots_total")).isPositive();
  }

  @Test
  void aWatcherThatJoinsMidRunGetsASnapshotThenTheRestOfTheRun() throws Exception {
    Api api = new Api(baseUrl);
    String runId = api.startAsync("fan-out", null);
    CountDownLatch midRun = new CountDownLatch(1);
    CompletableFuture<List<Event>> first =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return RunEventStream.read(
                    baseUrl,
                    runId,
                    null,
                    event -> {
                      if (event.name().equals("NodeAttemptEnded")
                          && event.data().getString("nodeId").startsWith("item-")) {
                        midRun.countDown();
                      }
                    });
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(midRun.await(30, TimeUnit.SECONDS)).as("the fan-out's items ran").isTrue();
    Resumed joined = RunEventStream.readResuming(baseUrl, runId, null, Duration.ZERO, WITHIN);
    assertEndsAsStored(api, runId, joined);
    assertThat(joined.connections()).isEqualTo(1);
    assertThat(joined.events()).extracting(Event::id).isSorted().doesNotHaveDuplicates();
    assertThat(first.get(30, TimeUnit.SECONDS))
        .last()
        .extracting(Event::name)
        .isEqualTo("RunEnded");
  }

  @Test
  void aClientReadingOneEventEveryTenMillisecondsReachesTheEnd() throws Exception {
    Api api = new Api(baseUrl);
    String runId = api.startAsync("fan-out", null);
    Resumed slow =
        RunEventStream.readResuming(
            baseUrl, runId, null, Duration.ofMillis(10), Duration.ofSeconds(60));
    assertEndsAsStored(api, runId, slow);
    // Each connection made progress: the ids it received only ever go up.
    assertThat(slow.events()).extracting(Event::id).isSorted();
  }

  /** The stream ended with RunEnded and its status is the stored one, read within 5 s. */
  private static void assertEndsAsStored(Api api, String runId, Resumed resumed) {
    Event end = resumed.last();
    assertThat(end.name()).isEqualTo("RunEnded");
    JsonObject stored =
        api.await(
                "api/runs/" + runId,
                a ->
                    a.status() == 200
                        && !List.of("QUEUED", "RUNNING").contains(a.object().getString("status")),
                WITHIN)
            .object();
    assertThat(end.data().getString("status")).isEqualTo(stored.getString("status"));
    assertThat(stored.getString("status")).isEqualTo("SUCCEEDED");
    resumed.events().stream()
        .filter(
            e -> e.name().equals("RunSnapshot") && e.data().getString("status").equals("RUNNING"))
        .forEach(
            snapshot ->
                assertThat(snapshot.data().getJsonArray("nodes"))
                    .allMatch(n -> n.getValueType() == JsonValue.ValueType.OBJECT));
  }
}
