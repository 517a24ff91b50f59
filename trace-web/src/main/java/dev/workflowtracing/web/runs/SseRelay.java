package dev.workflowtracing.web.runs;

import dev.workflowtracing.workflow.live.LiveStreamCounters;
import dev.workflowtracing.workflow.live.LiveUpdate;
import dev.workflowtracing.workflow.live.RunsInFlight;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * One client's event stream. The run's thread only queues an update here; the container's executor
 * writes them, in order, one drain at a time per client. So a watcher never slows a run down. A
 * client that falls {@link #MAX_QUEUED} updates behind has its queue replaced by one snapshot of
 * the run, and goes on from there on the same stream; one that has taken nothing, not even that
 * snapshot, for {@link #STALLED_AFTER} is stalled, and is disconnected and counted (it may resume
 * with Last-Event-ID). A catch-up is at most a snapshot or a few hundred events, so no client is
 * cut off before its first.
 */
final class SseRelay implements RunsInFlight.Watcher {

  static final int MAX_QUEUED = 1_000;
  static final Duration STALLED_AFTER = Duration.ofSeconds(10);

  private final SseEventSink sink;
  private final Sse sse;
  private final Executor executor;
  private final LiveStreamCounters counters;
  private final RunsInFlight inFlight;
  private final String runId;
  private final Queue<LiveUpdate> queued = new ArrayDeque<>();
  private LiveUpdate.Snapshot resyncQueued;
  private long unsentResyncSince; // System.nanoTime() of the first resync not yet sent, else 0
  private boolean draining;
  private boolean closed;

  SseRelay(
      String runId,
      RunsInFlight inFlight,
      SseEventSink sink,
      Sse sse,
      Executor executor,
      LiveStreamCounters counters) {
    this.runId = runId;
    this.inFlight = inFlight;
    this.sink = sink;
    this.sse = sse;
    this.executor = executor;
    this.counters = counters;
  }

  // Called under the run's lock (see RunsInFlight), so a resync snapshot follows the update in
  // hand.
  @Override
  public boolean accept(LiveUpdate update) {
    boolean startDrain;
    boolean stalled = false;
    synchronized (this) {
      if (closed || sink.isClosed()) {
        return false;
      }
      if (queued.size() < MAX_QUEUED) {
        queued.add(update);
      } else if (unsentResyncSince != 0
          && System.nanoTime() - unsentResyncSince > STALLED_AFTER.toNanos()) {
        stalled = true;
        closed = true;
        queued.clear();
      } else {
        resync(update);
      }
      startDrain = !stalled && !draining;
      draining |= startDrain;
    }
    if (stalled) {
      counters.cutOff();
      executor.execute(sink::close); // never in the run's thread: a close can wait on the client
      return false;
    }
    if (startDrain) {
      executor.execute(this::drain);
    }
    return !update.endsRun();
  }

  // The backlog is dropped for the run's state now; an end still follows as the last update.
  private void resync(LiveUpdate update) {
    queued.clear();
    resyncQueued = inFlight.resync(runId).orElse(null);
    if (resyncQueued != null) {
      queued.add(resyncQueued);
      if (unsentResyncSince == 0) {
        unsentResyncSince = System.nanoTime();
      }
    }
    if (update.endsRun() || resyncQueued == null) {
      queued.add(update);
    }
  }

  private void drain() {
    while (true) {
      LiveUpdate next;
      synchronized (this) {
        next = queued.poll();
        if (next == null) {
          draining = false;
          return;
        }
        if (next == resyncQueued) {
          unsentResyncSince = 0;
        }
      }
      if (sink.isClosed()) {
        return;
      }
      if (next.endsRun()) {
        // Closed once the end is written: a close while the stream's first write is still being
        // flushed waits on it, and could wait for ever (RESTEasy's SseEventOutputImpl).
        sink.send(event(next)).whenComplete((sent, failure) -> sink.close());
        return;
      }
      sink.send(event(next));
    }
  }

  private OutboundSseEvent event(LiveUpdate update) {
    if (update instanceof LiveUpdate.Snapshot snapshot) {
      return RunEventJson.event(
          sse, update.id(), RunEventJson.SNAPSHOT, RunEventJson.data(snapshot.run()));
    }
    var event = ((LiveUpdate.Event) update).event();
    return RunEventJson.event(sse, update.id(), RunEventJson.name(event), RunEventJson.data(event));
  }
}
