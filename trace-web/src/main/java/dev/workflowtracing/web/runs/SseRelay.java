package dev.workflowtracing.web.runs;

import dev.workflowtracing.workflow.live.LiveStreamCounters;
import dev.workflowtracing.workflow.live.LiveUpdate;
import dev.workflowtracing.workflow.live.RunsInFlight;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * One client's event stream. The run's thread only queues an update here; the container's executor
 * writes them, in order, one drain at a time per client. So a watcher never slows a run down, and a
 * client too slow to keep up (more than {@link #MAX_QUEUED} updates behind) is disconnected and
 * counted: it resumes with Last-Event-ID and, being far behind, gets a snapshot of the run. A
 * catch-up is at most a snapshot or a few hundred events, so no client is cut off before its first.
 */
final class SseRelay implements RunsInFlight.Watcher {

  static final int MAX_QUEUED = 1_000;

  private final SseEventSink sink;
  private final Sse sse;
  private final Executor executor;
  private final LiveStreamCounters counters;
  private final Queue<LiveUpdate> queued = new ArrayDeque<>();
  private boolean draining;
  private boolean closed;

  SseRelay(SseEventSink sink, Sse sse, Executor executor, LiveStreamCounters counters) {
    this.sink = sink;
    this.sse = sse;
    this.executor = executor;
    this.counters = counters;
  }

  @Override
  public boolean accept(LiveUpdate update) {
    boolean startDrain;
    boolean overflow;
    synchronized (this) {
      if (closed || sink.isClosed()) {
        return false;
      }
      overflow = queued.size() >= MAX_QUEUED;
      if (overflow) {
        closed = true;
        queued.clear();
        startDrain = false;
      } else {
        queued.add(update);
        startDrain = !draining;
        draining = true;
      }
    }
    if (overflow) {
      counters.cutOff();
      executor.execute(sink::close); // never in the run's thread: a close can wait on the client
      return false;
    }
    if (startDrain) {
      executor.execute(this::drain);
    }
    return !update.endsRun();
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
