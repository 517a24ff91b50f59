package dev.workflowtracing.workflow.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowtracing.workflow.run.RunEvent;
import dev.workflowtracing.workflow.run.RunStatus;
import dev.workflowtracing.workflow.run.RunUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunsInFlightTest {

  private static final String RUN = "11111111-1111-1111-1111-111111111111";

  private RunsInFlight inFlight;

  @BeforeEach
  void setUp() {
    inFlight = new RunsInFlight();
    inFlight.counters = new LiveStreamCounters();
  }

  @Test
  void aWatcherFromTheStartOfASmallRunGetsEveryEventInOrder() {
    fanOut(RUN, 3, false);
    List<LiveUpdate> seen = watch(RUN, 0);
    assertThat(seen).allMatch(u -> u instanceof LiveUpdate.Event);
    assertThat(seen).extracting(LiveUpdate::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    assertThat(inFlight.counters.snapshotsSent()).isZero();
  }

  @Test
  void aWatcherThatJoinsABigRunLateGetsOneSnapshotThenTheEventsAfterIt() {
    fanOut(RUN, 1_000, false);
    List<LiveUpdate> seen = new ArrayList<>();
    inFlight.watch(RUN, 0, seen::add).orElseThrow();
    assertThat(seen).hasSize(1);
    LiveUpdate.Snapshot snapshot = (LiveUpdate.Snapshot) seen.get(0);
    assertThat(snapshot.id()).isEqualTo(2_002); // queued, started, 1,000 × (start, end)
    assertThat(snapshot.run().status()).isEqualTo("RUNNING");
    assertThat(snapshot.run().nodes()).hasSize(1_000).allMatch(n -> n.state().equals("succeeded"));
    assertThat(snapshot.run().nodes().get(0).spanId()).isEqualTo("span-n0");

    end(RUN, 2_000);
    assertThat(seen).hasSize(2);
    assertThat(seen.get(1).id()).isEqualTo(2_003);
    assertThat(seen.get(1).endsRun()).isTrue();
    assertThat(inFlight.counters.snapshotsSent()).isEqualTo(1);
  }

  @Test
  void anEndedBigRunAnswersWithItsFinalStateAndItsEnd() {
    fanOut(RUN, 1_000, true);
    List<LiveUpdate> seen = watch(RUN, 5);
    assertThat(seen).hasSize(2);
    assertThat(((LiveUpdate.Snapshot) seen.get(0)).run().status()).isEqualTo("SUCCEEDED");
    assertThat(((LiveUpdate.Snapshot) seen.get(0)).run().ended()).isTrue();
    assertThat(seen.get(1)).isInstanceOf(LiveUpdate.Event.class);
    assertThat(seen.get(1).endsRun()).isTrue();
    assertThat(seen.get(1).id()).isEqualTo(seen.get(0).id() + 1);
  }

  @Test
  void resumingAFewEventsBackReplaysExactlyThoseEvents() {
    fanOut(RUN, 1_000, true);
    List<LiveUpdate> seen = watch(RUN, 2_000);
    assertThat(seen).extracting(LiveUpdate::id).containsExactly(2_001L, 2_002L, 2_003L);
    assertThat(seen).allMatch(u -> u instanceof LiveUpdate.Event);
  }

  @Test
  void aResyncFromInsideAWatcherAccountsForTheUpdateInHandAndEndsBeforeTheEnd() {
    List<LiveUpdate> resyncs = new ArrayList<>();
    inFlight.on(new RunEvent.RunQueued(RUN, "fan", 1, "api", 0, "{}"));
    inFlight
        .watch(
            RUN,
            0,
            update -> {
              // As SseRelay does when a client falls behind: under the run's lock.
              resyncs.add(update);
              resyncs.add(inFlight.resync(RUN).orElseThrow());
              return true;
            })
        .orElseThrow();
    inFlight.on(
        new RunEvent.RunStarted(
            RUN, "trace", "root", "fan", 1, "api", 1, "{}", List.of("n0"), true));
    inFlight.on(new RunEvent.NodeAttemptStarted(RUN, "n0", 1, 10, "span-n0"));
    end(RUN, 1);
    LiveUpdate endsRun = resyncs.get(resyncs.size() - 2);
    LiveUpdate.Snapshot last = (LiveUpdate.Snapshot) resyncs.get(resyncs.size() - 1);
    assertThat(endsRun.endsRun()).isTrue();
    assertThat(last.id()).isEqualTo(endsRun.id() - 1);
    assertThat(last.run().ended()).isTrue();
    LiveUpdate.Snapshot mid = (LiveUpdate.Snapshot) resyncs.get(1);
    assertThat(mid.id()).isEqualTo(resyncs.get(0).id());
  }

  @Test
  void anIdFromAnotherNumberingGetsASnapshot() {
    fanOut(RUN, 2, false);
    assertThat(watch(RUN, 99)).singleElement().isInstanceOf(LiveUpdate.Snapshot.class);
  }

  @Test
  void aWatcherThatStopsIsNotCalledAgain() {
    fanOut(RUN, 2, false);
    List<LiveUpdate> seen = new ArrayList<>();
    inFlight.watch(RUN, 0, u -> seen.add(u) && seen.size() < 2).orElseThrow();
    end(RUN, 2);
    assertThat(seen).hasSize(2);
  }

  @Test
  void memoryIsBoundedInBytesEndedRunsGoFirst() {
    String running = "22222222-2222-2222-2222-222222222222";
    fanOut(running, 10, false);
    String bigError = "x".repeat(100_000);
    for (int i = 0; inFlight.estimatedBytes() < RunsInFlight.MAX_BYTES * 2 && i < 10_000; i++) {
      String id = String.format("00000000-0000-0000-0000-%012d", i);
      inFlight.on(new RunEvent.RunQueued(id, "w", 1, "api", 0, "{}"));
      inFlight.on(new RunEvent.RunEnded(id, RunStatus.FAILED, 1, "{}", bigError, 1, RunUsage.NONE));
    }
    assertThat(inFlight.estimatedBytes()).isLessThanOrEqualTo(RunsInFlight.MAX_BYTES);
    assertThat(inFlight.live(running)).isPresent();
    assertThat(inFlight.live("00000000-0000-0000-0000-000000000000")).isEmpty();
  }

  @Test
  void theLiveStateShowsElapsedTimesUpToNow() {
    fanOut(RUN, 2, false);
    LiveRun live = inFlight.live(RUN).orElseThrow();
    assertThat(live.status()).isEqualTo("RUNNING");
    assertThat(live.nodes()).extracting(LiveRun.Node::elapsedMs).containsExactly(1L, 1L);
  }

  @Test
  void awaitingTheEndOfARunThatHasEndedAnswersAtOnce() {
    fanOut(RUN, 2, true);
    long started = System.nanoTime();
    assertThat(inFlight.awaitEnd(RUN, java.time.Duration.ofSeconds(10))).isTrue();
    assertThat(System.nanoTime() - started).isLessThan(1_000_000_000L);
  }

  @Test
  void aRunsFirstEndIsItsEnd() {
    fanOut(RUN, 2, true);
    inFlight.on(
        new RunEvent.RunEnded(RUN, RunStatus.CANCELLED, 30, "{}", "late cancel", 0, RunUsage.NONE));
    assertThat(inFlight.live(RUN).orElseThrow().status()).isEqualTo("SUCCEEDED");
    assertThat(watch(RUN, 0)).last().extracting(LiveUpdate::id).isEqualTo(7L);
  }

  private List<LiveUpdate> watch(String runId, long after) {
    List<LiveUpdate> seen = new ArrayList<>();
    inFlight.watch(runId, after, seen::add).orElseThrow();
    return seen;
  }

  /** A run of {@code nodes} parallel nodes, each one attempt that succeeds. */
  private void fanOut(String runId, int nodes, boolean ended) {
    List<String> ids = IntStream.range(0, nodes).mapToObj(i -> "n" + i).toList();
    inFlight.on(new RunEvent.RunQueued(runId, "fan", 1, "api", 0, "{}"));
    inFlight.on(
        new RunEvent.RunStarted(runId, "trace", "root", "fan", 1, "api", 1, "{}", ids, true));
    for (String id : ids) {
      inFlight.on(new RunEvent.NodeAttemptStarted(runId, id, 1, 10, "span-" + id));
      inFlight.on(new RunEvent.NodeAttemptEnded(runId, id, 1, 11, null, false));
    }
    if (ended) {
      end(runId, nodes);
    }
  }

  private void end(String runId, int nodes) {
    inFlight.on(
        new RunEvent.RunEnded(
            runId, RunStatus.SUCCEEDED, 20, "{}", null, 1 + 2 * nodes, RunUsage.NONE));
  }

  // --- a run another server executes, followed here from its published updates ---

  @Test
  void aRunFollowedFromAnotherServerGetsItsNumbersAndEndsWithItsEnd() {
    RunsInFlight other = new RunsInFlight();
    other.counters = new LiveStreamCounters();
    fanOut(RUN, 300, false); // executes "here" (server A)
    List<LiveUpdate> published = new ArrayList<>();
    inFlight.watch(RUN, RunsInFlight.SNAPSHOT_FIRST, published::add).orElseThrow();
    published.forEach(u -> assertThat(other.receiveRemote(RUN, u)).isEqualTo(applied()));
    List<LiveUpdate> throughB = new ArrayList<>();
    other.watch(RUN, 0, throughB::add).orElseThrow();

    inFlight.on(new RunEvent.NodeAttemptStarted(RUN, "n0", 2, 12, "span-n0"));
    end(RUN, 300);
    published.subList(1, published.size()).forEach(u -> other.receiveRemote(RUN, u));

    assertThat(published.get(0)).isInstanceOf(LiveUpdate.Snapshot.class);
    assertThat(throughB).extracting(LiveUpdate::id).containsExactly(602L, 603L, 604L);
    assertThat(throughB.get(2).endsRun()).isTrue();
    assertThat(other.hasEventsOf(RUN)).isTrue();
    assertThat(other.executedHere(RUN)).isFalse();
    assertThat(other.live(RUN).orElseThrow().status()).isEqualTo("SUCCEEDED");
    assertThat(other.remoteRunsGoingOn()).isEmpty();
  }

  @Test
  void duplicatesAreIgnoredAndAGapAsksForASnapshot() {
    RunsInFlight other = new RunsInFlight();
    other.counters = new LiveStreamCounters();
    fanOut(RUN, 2, false);
    List<LiveUpdate> published = new ArrayList<>();
    inFlight.watch(RUN, 0, published::add).orElseThrow();
    for (LiveUpdate u : published) {
      other.receiveRemote(RUN, u);
    }
    assertThat(other.receiveRemote(RUN, published.get(3))).isEqualTo(RunsInFlight.Received.IGNORED);

    inFlight.on(new RunEvent.NodeAttemptStarted(RUN, "n0", 2, 12, "span-n0"));
    inFlight.on(new RunEvent.NodeAttemptEnded(RunsInFlightTest.RUN, "n0", 2, 13, null, false));
    LiveUpdate second = published.get(published.size() - 1);
    assertThat(other.receiveRemote(RUN, second)).isEqualTo(RunsInFlight.Received.GAP);
    LiveUpdate.Snapshot resync = inFlight.resync(RUN).orElseThrow();
    assertThat(other.receiveRemote(RUN, resync)).isEqualTo(applied());
    assertThat(other.live(RUN).orElseThrow().nodes().get(0).attempt()).isEqualTo(2);
    assertThat(other.remoteRunsGoingOn()).containsKey(RUN);
  }

  @Test
  void aRunAcceptedHereAndTakenByAnotherServerFollowsThatServersNumbers() {
    RunsInFlight other = new RunsInFlight();
    other.counters = new LiveStreamCounters();
    other.on(new RunEvent.RunQueued(RUN, "fan", 1, "api", 0, "{}")); // accepted on B: its #1
    inFlight.on(
        new RunEvent.RunStarted(
            RUN, "trace", "root", "fan", 1, "api", 1, "{}", List.of("a"), true));
    List<LiveUpdate> published = new ArrayList<>();
    inFlight.watch(RUN, 0, published::add).orElseThrow();

    assertThat(other.receiveRemote(RUN, published.get(0))).isEqualTo(applied());
    assertThat(other.live(RUN).orElseThrow().status()).isEqualTo("RUNNING");
  }

  @Test
  void aFollowedRunWhoseServerStoppedEndsWithItsStoredEnd() {
    RunsInFlight other = new RunsInFlight();
    other.counters = new LiveStreamCounters();
    fanOut(RUN, 2, false);
    inFlight.watch(RUN, RunsInFlight.SNAPSHOT_FIRST, u -> other.receiveRemote(RUN, u) != null);
    List<LiveUpdate> throughB = new ArrayList<>();
    other.watch(RUN, 0, throughB::add).orElseThrow();

    other.endRemote(
        new RunEvent.RunEnded(RUN, RunStatus.ABORTED, 30, "{}", "server gone", 0, RunUsage.NONE));

    assertThat(throughB).last().matches(LiveUpdate::endsRun);
    assertThat(other.live(RUN).orElseThrow().status()).isEqualTo("ABORTED");
    assertThat(other.remoteRunsGoingOn()).isEmpty();
    inFlight.on(new RunEvent.RunEnded(RUN, RunStatus.SUCCEEDED, 40, "{}", null, 5, RunUsage.NONE));
    assertThat(inFlight.live(RUN).orElseThrow().status()).isEqualTo("SUCCEEDED");
  }

  private static RunsInFlight.Received applied() {
    return RunsInFlight.Received.APPLIED;
  }
}
