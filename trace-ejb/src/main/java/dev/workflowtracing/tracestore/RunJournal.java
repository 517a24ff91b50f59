package dev.workflowtracing.tracestore;

import dev.workflowtracing.concurrent.PeriodicTasks;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes run rows so that a database outage does not fail the runs, and so that no run can stop the
 * others from being saved.
 *
 * <ul>
 *   <li>A write that fails because the database is unavailable waits, in order, in a bounded
 *       journal and is retried every second until the database is back (as the span exporter's
 *       retry buffer does for spans). Only when the journal is full are the oldest writes dropped.
 *   <li>A write that can never succeed (see {@link StorageFailures}) is not retried: it is stored
 *       without its inputs or outputs, and if even that fails it is set aside. Writes behind it go
 *       on.
 * </ul>
 *
 * Every drop and every write set aside is counted ({@code /api/metrics}) and logged with its run
 * id.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "PeriodicTasks"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RunJournal {

  private static final Logger LOG = Logger.getLogger(RunJournal.class.getName());
  private static final int CAPACITY = 100_000;

  @EJB RunStore store;

  @Inject PeriodicTasks periodic;

  private final Deque<RunWrite> pending = new ArrayDeque<>();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong repaired = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private ScheduledFuture<?> retries;

  @PostConstruct
  void startRetrying() {
    retries = periodic.every("run journal retries", Duration.ofSeconds(1), this::retry);
  }

  @PreDestroy
  void stop() {
    retries.cancel(false);
    retry();
    synchronized (pending) {
      if (!pending.isEmpty()) {
        LOG.warning(() -> pending.size() + " run record writes could not be made before shutdown");
      }
    }
  }

  public void started(RunRecord run) {
    write(new RunWrite.Start(run));
  }

  public void finished(RunEnd end) {
    write(new RunWrite.End(end));
  }

  /** Writes waiting for the database. */
  public int pendingWrites() {
    synchronized (pending) {
      return pending.size();
    }
  }

  /** Writes dropped because the journal was full. */
  public long droppedWrites() {
    return dropped.get();
  }

  /** Writes stored without their inputs or outputs, which could not be stored. */
  public long repairedWrites() {
    return repaired.get();
  }

  /** Writes that could not be stored at all, set aside so that the others go on. */
  public long rejectedWrites() {
    return rejected.get();
  }

  private void write(RunWrite write) {
    boolean queueEmpty;
    synchronized (pending) {
      queueEmpty = pending.isEmpty();
    }
    // Concurrent runs write at the same time; the lock guards only the queue, never a write.
    if (queueEmpty && settled(write)) {
      return;
    }
    synchronized (pending) {
      pending.addLast(write);
      while (pending.size() > CAPACITY) {
        RunWrite oldest = pending.removeFirst();
        dropped.incrementAndGet();
        LOG.warning(() -> "Run journal full: dropped the " + oldest.describe());
      }
    }
  }

  void retry() {
    synchronized (pending) {
      while (!pending.isEmpty() && settled(pending.peekFirst())) {
        pending.removeFirst();
      }
    }
  }

  /**
   * Makes the write, or decides it for good: false only when the database is unavailable and the
   * write must wait for it.
   */
  private boolean settled(RunWrite write) {
    RunWrite current = write;
    while (true) {
      try {
        if (!current.writeTo(store)) {
          reject(current, "the run's start is not stored");
        }
        return true;
      } catch (RuntimeException e) {
        if (StorageFailures.isTransient(e, store::answers)) {
          LOG.log(
              Level.WARNING,
              "Run record not written (database unavailable), will retry: " + e,
              LOG.isLoggable(Level.FINE) ? e : null);
          return false;
        }
        RunWrite smaller = current.repaired(String.valueOf(rootCause(e)));
        if (smaller == null) {
          reject(current, String.valueOf(rootCause(e)));
          return true;
        }
        repaired.incrementAndGet();
        LOG.warning(
            "Could not store the "
                + current.describe()
                + " as is, storing it without "
                + current.payload()
                + ": "
                + rootCause(e));
        current = smaller;
      }
    }
  }

  private void reject(RunWrite write, String reason) {
    rejected.incrementAndGet();
    LOG.warning("Set aside the " + write.describe() + ", which cannot be stored: " + reason);
  }

  private static Throwable rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }
}
