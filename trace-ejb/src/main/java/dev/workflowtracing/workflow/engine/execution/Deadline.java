package dev.workflowtracing.workflow.engine.execution;

import java.time.Duration;

/** The time limit of one node attempt; node handlers wait through it so timeouts are honoured. */
public record Deadline(long nanos, Duration limit) {

  public static Deadline after(Duration limit) {
    return new Deadline(System.nanoTime() + limit.toNanos(), limit);
  }

  public Duration remaining() {
    return Duration.ofNanos(Math.max(0, nanos - System.nanoTime()));
  }

  /**
   * Sleeps, or fails with a timeout if the sleep would pass the deadline; an interrupt (the run is
   * being cancelled) ends the sleep with a failure at once.
   */
  public void sleep(Duration duration) throws NodeExecutionException {
    if (duration.compareTo(remaining()) > 0) {
      sleepQuietly(remaining());
      throw new NodeTimeoutException(limit);
    }
    sleepQuietly(duration);
  }

  private static void sleepQuietly(Duration duration) throws NodeExecutionException {
    try {
      Thread.sleep(duration.toMillis(), (int) (duration.toNanosPart() % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NodeExecutionException("Interrupted: the run is being stopped", e);
    }
  }
}
