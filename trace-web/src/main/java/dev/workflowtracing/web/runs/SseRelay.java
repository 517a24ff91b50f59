package dev.workflowtracing.web.runs;

import dev.workflowtracing.workflow.engine.RunEvent;
import dev.workflowtracing.workflow.engine.RunsInFlight;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * One client's event stream. The run's thread only queues an event here; the container's executor
 * writes them, in order, one drain at a time per client. So a watcher never slows a run down, and a
 * client too slow to keep up (more than {@link #MAX_QUEUED} events behind) is disconnected: it can
 * resume with Last-Event-ID.
 */
final class SseRelay implements RunsInFlight.Watcher {

  static final int MAX_QUEUED = 1_000;

  private final SseEventSink sink;
  private final Sse sse;
  private final Executor executor;
  private final Queue<RunsInFlight.Numbered> queued = new ArrayDeque<>();
  private boolean draining;
  private boolean closed;

  SseRelay(SseEventSink sink, Sse sse, Executor executor) {
    this.sink = sink;
    this.sse = sse;
    this.executor = executor;
  }

  @Override
  public boolean accept(RunsInFlight.Numbered event) {
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
        queued.add(event);
        startDrain = !draining;
        draining = true;
      }
    }
    if (overflow) {
      // Too far behind: cut it off; it resumes with Last-Event-ID.
      sink.close();
      return false;
    }
    if (startDrain) {
      executor.execute(this::drain);
    }
    return !(event.event() instanceof RunEvent.RunEnded);
  }

  private void drain() {
    while (true) {
      RunsInFlight.Numbered next;
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
      sink.send(
          sse.newEventBuilder()
              .id(Long.toString(next.id()))
              .name(RunEventJson.name(next.event()))
              .mediaType(MediaType.APPLICATION_JSON_TYPE)
              .data(RunEventJson.data(next.event()))
              .build());
      if (next.event() instanceof RunEvent.RunEnded) {
        sink.close();
        return;
      }
    }
  }
}
