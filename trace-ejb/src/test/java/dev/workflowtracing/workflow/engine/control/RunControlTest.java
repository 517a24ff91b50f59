package dev.workflowtracing.workflow.engine.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowtracing.concurrent.PeriodicTasks;
import dev.workflowtracing.concurrent.StartedPeriodicTasks;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Time limits hold nothing once a run ends: a server that has run 50,000 runs with a one-hour limit
 * holds no task, handle or request for any of them (each used to leave a scheduled task for its
 * hour, with the request that started it).
 */
class RunControlTest {

  private final PeriodicTasks periodic = StartedPeriodicTasks.start();
  private final RunControl control = new RunControl();

  @BeforeEach
  void setUp() {
    control.periodic = periodic;
    control.startSweep();
  }

  @AfterEach
  void tearDown() {
    control.stopSweep();
    StartedPeriodicTasks.stop(periodic);
  }

  @Test
  void endedRunsLeaveNothingScheduledOrHeld() {
    for (int i = 0; i < 50_000; i++) {
      RunHandle run = control.begin("run-" + i, Duration.ofHours(1)).orElseThrow();
      control.end(run);
    }
    assertThat(control.executingCount()).isZero();
    assertThat(StartedPeriodicTasks.queued(periodic)).as("only the one sweep is scheduled").isOne();
  }

  @Test
  void aRunPastItsLimitIsCancelledByTheSweepAndOneWithinItIsNot() throws Exception {
    RunHandle quick = control.begin("quick", Duration.ofMillis(50)).orElseThrow();
    RunHandle patient = control.begin("patient", Duration.ofHours(1)).orElseThrow();
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!quick.isCancelled() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(quick.cancelReason()).isEqualTo("Timed out: the run was still going after 50 ms");
    assertThat(patient.isCancelled()).isFalse();
  }
}
