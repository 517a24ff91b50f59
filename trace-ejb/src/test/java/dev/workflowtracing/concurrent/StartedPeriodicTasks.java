package dev.workflowtracing.concurrent;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/** {@link PeriodicTasks} outside the container, on plain threads, for unit tests. */
public final class StartedPeriodicTasks {

  private StartedPeriodicTasks() {}

  public static PeriodicTasks start() {
    PeriodicTasks tasks = new PeriodicTasks();
    tasks.threads = new PlainThreads();
    tasks.start();
    return tasks;
  }

  public static int queued(PeriodicTasks tasks) {
    return tasks.queued();
  }

  public static void stop(PeriodicTasks tasks) {
    tasks.stop();
  }

  /** The container's factory, without the container. */
  private static final class PlainThreads implements ManagedThreadFactory {
    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "periodic-test");
      thread.setDaemon(true);
      return thread;
    }

    @Override
    public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
      throw new UnsupportedOperationException();
    }
  }
}
