package dev.workflowtracing.concurrent;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The application's periodic tasks (lease renewal, time-limit sweep, retries, followers): one
 * scheduler on threads from the container's {@link ManagedThreadFactory}.
 *
 * <p>Why not the container's managed scheduled executor: WildFly refuses its tasks while the server
 * is suspended, which a graceful shutdown does first, logging {@code WFLYEE0110} at ERROR for every
 * tick. But a draining server must go on renewing its lease (or the others end its runs ABORTED)
 * and retrying its writes until its runs end. These threads carry the application's context, are
 * created here (never in a request) and stop when the application does. A task that throws is
 * logged and runs again at its next tick instead of stopping for good. A cancelled task leaves the
 * queue at once.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PeriodicTasks {

  private static final Logger LOG = Logger.getLogger(PeriodicTasks.class.getName());
  // Enough that a task stuck on a database that is down does not hold up the 100 ms sweeps.
  static final int THREADS = 4;

  @Resource ManagedThreadFactory threads;

  private ScheduledThreadPoolExecutor executor;

  @PostConstruct
  void start() {
    executor = new ScheduledThreadPoolExecutor(THREADS, threads);
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    // Every thread now, in this bean's context, rather than later in whichever caller's.
    executor.prestartAllCoreThreads();
  }

  /**
   * Runs {@code task} every {@code delay} after the previous run ended, first after {@code
   * initialDelay}; {@code name} names it in the log when it throws.
   */
  public ScheduledFuture<?> every(
      String name, Duration initialDelay, Duration delay, Runnable task) {
    return executor.scheduleWithFixedDelay(
        () -> runLogged(name, task),
        initialDelay.toMillis(),
        delay.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Runs {@code task} every {@code delay}, first after one {@code delay}. */
  public ScheduledFuture<?> every(String name, Duration delay, Runnable task) {
    return every(name, delay, delay, task);
  }

  private static void runLogged(String name, Runnable task) {
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      // Even an Error: a lease that stops being renewed would have the others end this server's
      // runs.
      LOG.log(
          Level.WARNING, "Periodic task " + name + " failed; it runs again at its next tick", e);
    }
  }

  /** Tasks waiting for their next run (for tests: a cancelled one is gone at once). */
  int queued() {
    return executor.getQueue().size();
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warning("Periodic tasks still running 5 s after the application stopped");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
