package dev.workflowtracing.workflow.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runs this server executes, as they happen: observes the engine's {@link RunEvent}s, keeps
 * each run's events numbered (for watchers that resume) and its nodes' states. Bounded: the oldest
 * runs are forgotten first, finished or not; a finished run stays a while for late watchers.
 */
@ApplicationScoped
public class RunsInFlight {

  static final int MAX_RUNS = 2_000;
  static final int MAX_EVENTS_PER_RUN = 10_000;

  /** An event as watchers see it: numbered from 1 within its run. */
  public record Numbered(long id, RunEvent event) {}

  private final Map<String, Run> runs =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Run> eldest) {
          return size() > MAX_RUNS;
        }
      };

  void on(@Observes RunEvent event) {
    Run run;
    synchronized (runs) {
      run = runs.computeIfAbsent(event.runId(), id -> new Run());
    }
    run.add(event);
  }

  /** The run's state now, if this server has it. */
  public Optional<LiveRun> live(String runId) {
    return run(runId).map(Run::snapshot);
  }

  /**
   * Calls {@code watcher} with every event of the run after {@code afterId}, now and as they
   * happen, until the run ends or {@code watcher} says stop (returns false). Empty when this server
   * does not have the run.
   */
  public Optional<Runnable> watch(String runId, long afterId, Watcher watcher) {
    return run(runId).map(run -> run.watch(afterId, watcher));
  }

  /** Waits until the run ends, at most {@code limit}; true when it has ended. */
  public boolean awaitEnd(String runId, java.time.Duration limit) {
    java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
    Optional<Runnable> watching =
        watch(
            runId,
            0,
            numbered -> {
              if (numbered.event() instanceof RunEvent.RunEnded) {
                ended.countDown();
                return false;
              }
              return true;
            });
    if (watching.isEmpty()) {
      return false;
    }
    try {
      return ended.await(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      watching.get().run();
    }
  }

  /** Receives a run's events; false to stop watching. */
  @FunctionalInterface
  public interface Watcher {
    boolean accept(Numbered event);
  }

  private Optional<Run> run(String runId) {
    synchronized (runs) {
      return Optional.ofNullable(runs.get(runId));
    }
  }

  /** One run's events and node states; guarded by itself. */
  private static final class Run {
    private final List<Numbered> events = new ArrayList<>();
    private final Map<String, NodeState> nodes = new LinkedHashMap<>();
    private final List<Watcher> watchers = new ArrayList<>();
    private String status = RunStatus.QUEUED.name();
    private boolean ended;

    // Delivery happens under the lock, so each watcher gets the events in order, exactly once:
    // a watcher that joins while an event is added gets it either in its replay or after it,
    // never before the events it replays. Watchers only hand events on (an SSE send is async).
    synchronized void add(RunEvent event) {
      apply(event);
      Numbered numbered = new Numbered(events.size() + 1L, event);
      if (events.size() < MAX_EVENTS_PER_RUN) {
        events.add(numbered);
      }
      watchers.removeIf(watcher -> !deliver(watcher, numbered) || ended);
    }

    synchronized Runnable watch(long afterId, Watcher watcher) {
      boolean watching = true;
      for (Numbered event : events.subList((int) Math.min(afterId, events.size()), events.size())) {
        if (!deliver(watcher, event)) {
          watching = false;
          break;
        }
      }
      if (watching && !ended) {
        watchers.add(watcher);
      }
      return () -> {
        synchronized (this) {
          watchers.remove(watcher);
        }
      };
    }

    private static boolean deliver(Watcher watcher, Numbered event) {
      try {
        return watcher.accept(event);
      } catch (RuntimeException e) {
        return false; // a watcher never fails the run
      }
    }

    private void apply(RunEvent event) {
      if (event instanceof RunEvent.RunQueued) {
        status = RunStatus.QUEUED.name();
      } else if (event instanceof RunEvent.RunStarted started) {
        status = RunStatus.RUNNING.name();
        started.nodeIds().forEach(id -> nodes.putIfAbsent(id, new NodeState()));
      } else if (event instanceof RunEvent.NodeAttemptStarted attempt) {
        NodeState node = nodes.computeIfAbsent(attempt.nodeId(), id -> new NodeState());
        node.state = "running";
        node.attempt = attempt.attempt();
        node.startedAt = node.startedAt == null ? attempt.startedAtMillis() : node.startedAt;
        node.endedAt = null;
      } else if (event instanceof RunEvent.NodeAttemptEnded attempt) {
        NodeState node = nodes.computeIfAbsent(attempt.nodeId(), id -> new NodeState());
        node.state =
            attempt.cancelled() ? "cancelled" : attempt.error() == null ? "succeeded" : "failed";
        node.endedAt = attempt.endedAtMillis();
      } else if (event instanceof RunEvent.RunEnded end) {
        status = end.status().name();
        ended = true;
        for (NodeState node : nodes.values()) {
          if (node.state.equals("queued")) {
            node.state = "skipped";
          } else if (node.state.equals("running")) {
            node.state = "cancelled"; // cut off without an end of its own
            node.endedAt = end.endedAtMillis();
          }
        }
      }
    }

    synchronized LiveRun snapshot() {
      long now = System.currentTimeMillis();
      List<LiveRun.Node> view = new ArrayList<>();
      nodes.forEach(
          (id, n) ->
              view.add(
                  new LiveRun.Node(
                      id,
                      n.state,
                      n.attempt,
                      n.startedAt == null ? null : Instant.ofEpochMilli(n.startedAt).toString(),
                      n.startedAt == null
                          ? null
                          : (n.endedAt == null ? now : n.endedAt) - n.startedAt)));
      return new LiveRun(status, view);
    }
  }

  private static final class NodeState {
    String state = "queued";
    int attempt;
    Long startedAt;
    Long endedAt;
  }
}
