package dev.workflowtracing.workflow.engine;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Stops runs: on request ({@link #cancel}) or when they pass their time limit. Knows the runs this
 * server executes; a run still on the queue is ended at once and never starts.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RunControl {

  private static final int MAX_REMEMBERED_CANCELS = 10_000;

  @Inject RunLedger ledger;
  @Inject Event<RunEvent> events;

  @Resource ManagedScheduledExecutorService scheduler;

  private final Map<String, RunHandle> executing = new HashMap<>();
  private final Map<String, ScheduledFuture<?>> timeLimits = new HashMap<>();

  // Runs cancelled before they started, so that the queue's message for one does not start it.
  private final Set<String> cancelledBeforeStart =
      Collections.newSetFromMap(
          new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
              return size() > MAX_REMEMBERED_CANCELS;
            }
          });

  /**
   * The run starts executing on this server, cancelled if it is still going after {@code
   * timeLimit}; empty when it was cancelled before it started (it must not run).
   */
  public synchronized Optional<RunHandle> begin(String runId, Duration timeLimit) {
    if (cancelledBeforeStart.contains(runId)) {
      return Optional.empty();
    }
    RunHandle handle = new RunHandle(runId);
    executing.put(runId, handle);
    timeLimits.put(
        runId,
        scheduler.schedule(
            () ->
                handle.cancel(
                    "Timed out: the run was still going after " + timeLimit.toMillis() + " ms"),
            timeLimit.toMillis(),
            TimeUnit.MILLISECONDS));
    return Optional.of(handle);
  }

  /** The run has ended (its end is published). */
  public synchronized void end(RunHandle handle) {
    executing.remove(handle.runId(), handle);
    ScheduledFuture<?> limit = timeLimits.remove(handle.runId());
    if (limit != null) {
      limit.cancel(false);
    }
  }

  /** Whether this server is executing the run now. */
  public synchronized boolean isExecuting(String runId) {
    return executing.containsKey(runId);
  }

  /**
   * Cancels a run: one executing here has its attempts interrupted and ends CANCELLED; one that has
   * not started ends CANCELLED now and will not start.
   *
   * @param reason what the run's error will say, e.g. who cancelled it
   */
  public CancelOutcome cancel(String runId, String reason) {
    if (interrupt(runId, reason)) {
      return CancelOutcome.STOPPING;
    }
    Optional<RunStatus> recorded = ledger.status(runId);
    if (recorded.isEmpty()) {
      return CancelOutcome.UNKNOWN;
    }
    if (recorded.get().isFinal()) {
      return CancelOutcome.FINISHED;
    }
    synchronized (this) {
      // It may have started since it was looked up.
      if (interrupt(runId, reason)) {
        return CancelOutcome.STOPPING;
      }
      if (!cancelledBeforeStart.add(runId)) {
        return CancelOutcome.CANCELLED;
      }
    }
    // Queued, or recorded as running by a server that is gone: nothing runs it, so end it here.
    events.fire(
        new RunEvent.RunEnded(
            runId, RunStatus.CANCELLED, System.currentTimeMillis(), "{}", reason, 0));
    return CancelOutcome.CANCELLED;
  }

  private synchronized boolean interrupt(String runId, String reason) {
    RunHandle handle = executing.get(runId);
    if (handle == null) {
      return false;
    }
    handle.cancel(reason);
    return true;
  }
}
