package dev.workflowtracing.workflow.engine.control;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * One executing run, as {@link RunControl} stops it: the threads working on its nodes (interrupted
 * when it is cancelled) and why it was cancelled. Guarded by itself, so that a thread is only ever
 * interrupted while it works on this run.
 */
public final class RunHandle {

  private final String runId;
  private final Duration timeLimit;
  private final long startedNanos;
  private final Set<Thread> workers = new HashSet<>();
  private volatile String cancelReason;

  public RunHandle(String runId, Duration timeLimit, long startedNanos) {
    this.runId = runId;
    this.timeLimit = timeLimit;
    this.startedNanos = startedNanos;
  }

  Duration timeLimit() {
    return timeLimit;
  }

  /** Whether the run is still going past its time limit at {@code nowNanos} (System.nanoTime). */
  boolean isOverdue(long nowNanos) {
    return !isCancelled() && nowNanos - startedNanos > timeLimit.toNanos();
  }

  public String runId() {
    return runId;
  }

  public boolean isCancelled() {
    return cancelReason != null;
  }

  /** Why the run was cancelled; null while it is not. */
  public String cancelReason() {
    return cancelReason;
  }

  /**
   * The calling thread starts work on one of the run's nodes; false (and nothing registered) when
   * the run is cancelled already, so that no node starts after a cancel.
   */
  public synchronized boolean enter() {
    if (isCancelled()) {
      return false;
    }
    workers.add(Thread.currentThread());
    return true;
  }

  /** The calling thread is done with the node; an interrupt meant for this run is cleared. */
  public synchronized void exit() {
    workers.remove(Thread.currentThread());
    if (isCancelled()) {
      // A pooled thread goes back to its pool without the run's interrupt.
      Thread.interrupted();
    }
  }

  /** Cancels the run, interrupting the threads working on it; false when it was already. */
  public synchronized boolean cancel(String reason) {
    if (isCancelled()) {
      return false;
    }
    cancelReason = reason;
    workers.forEach(Thread::interrupt);
    return true;
  }
}
