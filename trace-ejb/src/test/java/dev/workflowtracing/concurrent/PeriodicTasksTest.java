package dev.workflowtracing.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PeriodicTasksTest {

  private PeriodicTasks tasks;

  @BeforeEach
  void start() {
    tasks = StartedPeriodicTasks.start();
  }

  @AfterEach
  void stop() {
    tasks.stop();
  }

  @Test
  void aTaskThatThrowsRunsAgainAtItsNextTick() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    tasks.every(
        "failing",
        Duration.ofMillis(10),
        () -> {
          runs.incrementAndGet();
          throw new IllegalStateException("the database is down");
        });

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (runs.get() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(runs.get()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void aCancelledTaskLeavesNothingBehind() {
    ScheduledFuture<?> hourly = tasks.every("hourly", Duration.ofHours(1), () -> {});
    assertThat(tasks.queued()).isEqualTo(1);

    hourly.cancel(false);

    assertThat(tasks.queued()).isZero();
  }

  @Test
  void stoppingEndsEveryThread() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    tasks.every("counting", Duration.ofMillis(5), runs::incrementAndGet);
    Thread.sleep(50);

    tasks.stop();
    int after = runs.get();
    Thread.sleep(50);

    assertThat(runs.get()).isEqualTo(after);
  }
}
