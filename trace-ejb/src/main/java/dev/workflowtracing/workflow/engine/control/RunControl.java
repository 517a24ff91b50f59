package dev.workflowtracing.workflow.engine.control;

import dev.workflowtracing.concurrent.PeriodicTasks;
import dev.workflowtracing.workflow.run.CancelOutcome;
import dev.workflowtracing.workflow.run.RunEndings;
import dev.workflowtracing.workflow.run.RunStatus;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Stops runs: on request ({@link #cancel}) or when they pass their time limit. Knows the runs this
 * server executes; a run still on the queue is ended at once and never starts; a run executing on
 * another server is asked to stop through its record, which that server's sweep reads every {@link
 * #CANCEL_POLL_MS}. Time limits cost nothing once a run ends: one sweep, scheduled once at startup
 * (so it captures no request), checks the deadlines of the runs executing now; nothing is scheduled
 * per run.
 */
@Singleton
@Startup
@DependsOn("PeriodicTasks")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RunControl {

  private static final int MAX_REMEMBERED_CANCELS = 10_000;

  /** How often the deadlines are checked: a run is stopped at most this long after its limit. */
  static final long SWEEP_MS = 100;

  /** How often the cancels other servers asked of this server's runs are read. */
  static final long CANCEL_POLL_MS = 500;

  private static final Logger LOG = Logger.getLogger(RunControl.class.getName());

  @Inject RunLedger ledger;
  @Inject RunEndings endings;

  @Inject PeriodicTasks periodic;

  private final Map<String, RunHandle> executing = new HashMap<>();
  private ScheduledFuture<?> sweep;
  private long lastCancelPollNanos = System.nanoTime();

  // Runs cancelled before they started, so that the queue's message for one does not start it.
  private final Set<String> cancelledBeforeStart =
      Collections.newSetFromMap(
          new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
              return size() > MAX_REMEMBERED_CANCELS;
            }
          });

  @PostConstruct
  void startSweep() {
    sweep = periodic.every("time limits", Duration.ofMillis(SWEEP_MS), this::stopOverdueRuns);
  }

  @PreDestroy
  void stopSweep() {
    if (sweep != null) {
      sweep.cancel(false);
    }
  }

  /**
   * The run starts executing on this server, cancelled if it is still going after {@code
   * timeLimit}; empty when it was cancelled before it started (it must not run).
   */
  public synchronized Optional<RunHandle> begin(String runId, Duration timeLimit) {
    if (cancelledBeforeStart.contains(runId)) {
      return Optional.empty();
    }
    RunHandle handle = new RunHandle(runId, timeLimit, System.nanoTime());
    executing.put(runId, handle);
    return Optional.of(handle);
  }

  /** The run has ended (its end is published): nothing of it is kept. */
  public synchronized void end(RunHandle handle) {
    executing.remove(handle.runId(), handle);
  }

  /** How many runs this server executes now (what it holds for them). */
  public synchronized int executingCount() {
    return executing.size();
  }

  void stopOverdueRuns() {
    long now = System.nanoTime();
    List<RunHandle> overdue;
    synchronized (this) {
      overdue = executing.values().stream().filter(run -> run.isOverdue(now)).toList();
    }
    for (RunHandle run : overdue) {
      run.cancel("Timed out: the run was still going after " + run.timeLimit().toMillis() + " ms");
    }
    if (now - lastCancelPollNanos >= TimeUnit.MILLISECONDS.toNanos(CANCEL_POLL_MS)) {
      lastCancelPollNanos = now;
      cancelWhatOtherServersAsked();
    }
  }

  private void cancelWhatOtherServersAsked() {
    if (executingCount() == 0) {
      return;
    }
    try {
      ledger.cancelsRequestedHere().forEach(this::interrupt);
    } catch (RuntimeException e) {
      // The database may be down: the sweep goes on, and reads the requests once it is back.
      LOG.fine(() -> "Could not read the cancels asked of this server's runs: " + e);
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
    if (recorded.get() == RunStatus.RUNNING && ledger.requestCancel(runId, reason)) {
      return CancelOutcome.REQUESTED;
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
    // Queued, or left running by this server or one before servers were named: nothing runs it.
    endings.notExecuted(runId, RunStatus.CANCELLED, reason);
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
