package dev.workflowtracing.trace;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes run rows so that a database outage does not fail the runs: a write that fails waits, in
 * order, in a bounded journal and is retried every second until the database is back (as the span
 * exporter's retry buffer does for spans). Only when the journal is full are the oldest writes
 * dropped, counted and logged.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RunJournal {

  private static final Logger LOG = Logger.getLogger(RunJournal.class.getName());
  private static final int CAPACITY = 100_000;

  @EJB RunStore store;

  @Resource ManagedScheduledExecutorService scheduler;

  private final Deque<Runnable> pending = new ArrayDeque<>();
  private final AtomicLong dropped = new AtomicLong();
  private ScheduledFuture<?> retries;

  @PostConstruct
  void startRetrying() {
    retries = scheduler.scheduleWithFixedDelay(this::retry, 1, 1, TimeUnit.SECONDS);
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
    write(() -> store.started(run));
  }

  public void finished(RunEnd end) {
    write(() -> store.finished(end));
  }

  public int pendingWrites() {
    synchronized (pending) {
      return pending.size();
    }
  }

  public long droppedWrites() {
    return dropped.get();
  }

  private void write(Runnable write) {
    boolean queueEmpty;
    synchronized (pending) {
      queueEmpty = pending.isEmpty();
    }
    // Concurrent runs write at the same time; the lock guards only the queue, never a write.
    if (queueEmpty && tryWrite(write)) {
      return;
    }
    synchronized (pending) {
      pending.addLast(write);
      while (pending.size() > CAPACITY) {
        pending.removeFirst();
        dropped.incrementAndGet();
        LOG.warning("Run journal full: a run record write was dropped");
      }
    }
  }

  void retry() {
    synchronized (pending) {
      while (!pending.isEmpty() && tryWrite(pending.peekFirst())) {
        pending.removeFirst();
      }
    }
  }

  private boolean tryWrite(Runnable write) {
    try {
      write.run();
      return true;
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Run record not written, will retry: " + e,
          LOG.isLoggable(Level.FINE) ? e : null);
      return false;
    }
  }
}
