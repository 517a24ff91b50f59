package dev.workflowtracing.workflow.live;

import dev.workflowtracing.workflow.run.RunEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The runs this server executes, as they happen: observes the engine's {@link RunEvent}s, folds
 * each run's state ({@link RunProgress}), numbers its events and keeps the last {@link
 * #REPLAY_EVENTS} of them. A watcher that resumes a few events back gets those events; one that
 * joins late or far behind gets a {@link LiveUpdate.Snapshot} first, so it never has to catch up on
 * thousands of events. Bounded by {@link #MAX_RUNS} and an estimate of {@link #MAX_BYTES}: ended
 * runs are forgotten first, oldest first; an ended run stays a while for late watchers.
 *
 * <p>A run another server executes can be followed here too ({@link #receiveRemote}): its updates,
 * numbered by that server, come over the broker ({@code workflow.live.relay}), so that a stream
 * through any server gets the same events with the same numbers.
 */
@ApplicationScoped
public class RunsInFlight {

  static final int MAX_RUNS = 2_000;
  static final int REPLAY_EVENTS = 200;
  static final long MAX_BYTES = 32L * 1024 * 1024;

  /** As {@code afterId}: only what happens from now on, or the run's end if it has ended. */
  public static final long FROM_NOW = Long.MAX_VALUE;

  /** As {@code afterId}: a snapshot of the run first, however few events it has had. */
  public static final long SNAPSHOT_FIRST = -1;

  /** What became of an update from the server executing the run. */
  public enum Received {
    APPLIED,
    /** Already had (a duplicate, or the run executes here). */
    IGNORED,
    /** Updates before it are missing: ask for a snapshot. */
    GAP
  }

  @Inject LiveStreamCounters counters;

  private final AtomicLong bytes = new AtomicLong();
  private final Map<String, Run> runs = new LinkedHashMap<>();

  // After the observers that store the run (default priority): whoever a RunEnded wakes reads the
  // run's final status from the store.
  void on(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) RunEvent event) {
    Run run;
    synchronized (runs) {
      run = runs.computeIfAbsent(event.runId(), Run::new);
    }
    bytes.addAndGet(run.add(event));
    if (bytes.get() > MAX_BYTES || runs.size() > MAX_RUNS) {
      evict();
    }
  }

  /** The run's state now, if this server has it. */
  public Optional<LiveRun> live(String runId) {
    long now = System.currentTimeMillis();
    return run(runId).map(run -> run.snapshot().toLiveRun(now));
  }

  /**
   * Calls {@code watcher} with the run's updates after event {@code afterId}, now and as they
   * happen, until the run ends or {@code watcher} says stop (returns false): the events since
   * {@code afterId} when they are few, otherwise a snapshot first. Empty when this server does not
   * have the run.
   *
   * @return stops watching
   */
  public Optional<Runnable> watch(String runId, long afterId, Watcher watcher) {
    return run(runId).map(run -> run.watch(afterId, watcher, counters));
  }

  /**
   * The run's state now as one snapshot, numbered as its last event (as the one before its end once
   * it has ended, so that the end can follow it): for a watcher that fell too far behind to send
   * what it has queued. Called from {@link Watcher#accept} it holds the run's lock, so no event
   * comes between the update in hand and the snapshot.
   */
  public Optional<LiveUpdate.Snapshot> resync(String runId) {
    return run(runId).map(run -> run.resync(counters));
  }

  /** Waits until the run ends, at most {@code limit}; true when it has ended. */
  public boolean awaitEnd(String runId, Duration limit) {
    CountDownLatch ended = new CountDownLatch(1);
    Optional<Runnable> watching =
        watch(
            runId,
            FROM_NOW,
            update -> {
              boolean end =
                  update.endsRun()
                      || update instanceof LiveUpdate.Snapshot snapshot && snapshot.run().ended();
              if (end) {
                ended.countDown();
              }
              return !end;
            });
    if (watching.isEmpty()) {
      return false;
    }
    try {
      return ended.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      watching.get().run();
    }
  }

  /**
   * Whether this server has the run's events: it started here, or ended here. A run only accepted
   * here may be taken off the queue by another server, whose events this one never sees.
   */
  public boolean hasEventsOf(String runId) {
    return run(runId).map(Run::hasEvents).orElse(false);
  }

  /** Whether this server executes the run, or executed it (and still has its events). */
  public boolean executedHere(String runId) {
    return run(runId).map(run -> run.startedHere).orElse(false);
  }

  /**
   * Takes an update of a run another server executes, numbered by that server: a snapshot that is
   * newer than what is here, or the next event.
   */
  public Received receiveRemote(String runId, LiveUpdate update) {
    Run run;
    synchronized (runs) {
      run = runs.computeIfAbsent(runId, Run::new);
    }
    long[] grew = new long[1];
    Received received = run.receive(update, grew);
    bytes.addAndGet(grew[0]);
    if (bytes.get() > MAX_BYTES || runs.size() > MAX_RUNS) {
      evict();
    }
    return received;
  }

  /**
   * The runs other servers execute that are followed here and have not ended, with when their last
   * update came (epoch ms): those whose end may have been lost (their server stopped).
   */
  public Map<String, Long> remoteRunsGoingOn() {
    Map<String, Long> going = new LinkedHashMap<>();
    synchronized (runs) {
      runs.forEach(
          (id, run) -> {
            if (run.remote && !run.ended()) {
              going.put(id, run.lastRemoteUpdate);
            }
          });
    }
    return going;
  }

  /** Ends a run another server executed with its stored end, when that server's end never came. */
  public void endRemote(RunEvent.RunEnded end) {
    run(end.runId())
        .filter(run -> run.remote && !run.ended())
        .ifPresent(run -> bytes.addAndGet(run.add(end)));
  }

  /** The estimated heap the live runs hold (for /api/metrics). */
  public long estimatedBytes() {
    return bytes.get();
  }

  /** Receives a run's updates; false to stop watching. */
  @FunctionalInterface
  public interface Watcher {
    boolean accept(LiveUpdate update);
  }

  private Optional<Run> run(String runId) {
    synchronized (runs) {
      return Optional.ofNullable(runs.get(runId));
    }
  }

  // Ended runs go first, oldest first; a running run only when ended ones do not free enough.
  private void evict() {
    synchronized (runs) {
      for (boolean endedOnly : new boolean[] {true, false}) {
        Iterator<Run> eldest = runs.values().iterator();
        while (eldest.hasNext() && (bytes.get() > MAX_BYTES || runs.size() > MAX_RUNS)) {
          Run run = eldest.next();
          if (!endedOnly || run.ended()) {
            eldest.remove();
            bytes.addAndGet(-run.bytes());
          }
        }
      }
    }
  }

  /** One run's state, recent events and watchers; guarded by itself. */
  private static final class Run {
    private RunProgress progress;
    private final ArrayDeque<LiveUpdate.Event> recent = new ArrayDeque<>();
    private final List<Watcher> watchers = new ArrayList<>();
    private long count;
    private long eventBytes;
    private volatile boolean ended;
    private volatile boolean startedHere;
    private volatile boolean remote; // followed here, executed by another server
    private volatile long lastRemoteUpdate;

    Run(String runId) {
      progress = new RunProgress(runId);
    }

    // Delivery happens under the lock, so each watcher gets the updates in order, exactly once:
    // a watcher that joins while an event is added gets it either in its catch-up or after it,
    // never before. Watchers only hand updates on (an SSE send is async).
    /** Adds the run's next event; returns how many more bytes the run holds now. */
    synchronized long add(RunEvent event) {
      long before = count == 0 ? 0 : bytes();
      if (!progress.apply(event) && !(remote && event instanceof RunEvent.RunEnded && !ended)) {
        return 0; // a second end (another server's, or a late cancel) changes nothing
      }
      ended = event instanceof RunEvent.RunEnded || (!remote && progress.ended());
      startedHere |= event instanceof RunEvent.RunStarted && !remote;
      append(new LiveUpdate.Event(++count, event));
      return bytes() - before;
    }

    private void append(LiveUpdate.Event numbered) {
      recent.addLast(numbered);
      eventBytes += EventSize.of(numbered.event());
      if (recent.size() > REPLAY_EVENTS) {
        eventBytes -= EventSize.of(recent.removeFirst().event());
      }
      watchers.removeIf(watcher -> !deliver(watcher, numbered) || ended);
    }

    // An update from the server executing the run. The first one replaces whatever this server
    // had (a run accepted here and taken by another server has its RunQueued here, numbered here).
    // A restored snapshot of an ended run still waits for its RunEnded, which watchers end on.
    synchronized Received receive(LiveUpdate update, long[] grew) {
      if (startedHere) {
        return Received.IGNORED;
      }
      long before = bytes();
      boolean first = !remote;
      if (update instanceof LiveUpdate.Snapshot snapshot) {
        if (!first && snapshot.id() <= count) {
          return Received.IGNORED;
        }
        remote = true;
        progress.restore(snapshot.run());
        count = snapshot.id();
        recent.clear();
        eventBytes = 0;
        watchers.removeIf(watcher -> !deliver(watcher, snapshot));
      } else {
        LiveUpdate.Event event = (LiveUpdate.Event) update;
        if (first) {
          remote = true;
          progress = new RunProgress(event.event().runId());
          count = 0;
          recent.clear();
          eventBytes = 0;
        }
        if (event.id() <= count || ended) {
          return Received.IGNORED;
        }
        if (event.id() > count + 1) {
          return Received.GAP;
        }
        add(event.event());
      }
      lastRemoteUpdate = System.currentTimeMillis();
      grew[0] = bytes() - before;
      return Received.APPLIED;
    }

    synchronized long bytes() {
      return EventSize.RUN + eventBytes + EventSize.NODE * progress.nodeCount();
    }

    boolean ended() {
      return ended;
    }

    boolean hasEvents() {
      return startedHere || ended || remote;
    }

    synchronized RunSnapshot snapshot() {
      return progress.snapshot();
    }

    synchronized LiveUpdate.Snapshot resync(LiveStreamCounters counters) {
      counters.snapshotSent();
      return new LiveUpdate.Snapshot(ended ? count - 1 : count, progress.snapshot());
    }

    synchronized Runnable watch(long afterId, Watcher watcher, LiveStreamCounters counters) {
      boolean watching = catchUp(afterId, watcher, counters);
      if (watching && !ended) {
        watchers.add(watcher);
      }
      return () -> {
        synchronized (this) {
          watchers.remove(watcher);
        }
      };
    }

    // The events after afterId when they are still here, otherwise a snapshot (and an ended run's
    // end after it). False when the watcher stopped.
    private boolean catchUp(long afterId, Watcher watcher, LiveStreamCounters counters) {
      if (afterId == FROM_NOW) {
        return !ended || deliver(watcher, recent.getLast());
      }
      long behind = count - afterId;
      if (afterId != SNAPSHOT_FIRST && behind >= 0 && behind <= recent.size()) {
        for (LiveUpdate.Event event : recent) {
          if (event.id() > afterId && !deliver(watcher, event)) {
            return false;
          }
        }
        return true;
      }
      return deliver(watcher, resync(counters)) && (!ended || deliver(watcher, recent.getLast()));
    }

    private static boolean deliver(Watcher watcher, LiveUpdate update) {
      try {
        return watcher.accept(update);
      } catch (RuntimeException e) {
        return false; // a watcher never fails the run
      }
    }
  }
}
