package dev.workflowtracing.workflow.engine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowtracing.workflow.run.RunUsage;
import org.junit.jupiter.api.Test;

class UsageTallyTest {

  @Test
  void addsEveryAttemptAndCountsFailedOnesApart() {
    UsageTally tally = new UsageTally();
    tally.add("ask", 1, 100, 20, 5_000L);
    tally.failed("ask", 1);
    tally.add("ask", 2, 100, 30, 6_000L);
    tally.add("unpriced", 1, 7, 3, null);
    tally.failed("never-called", 1); // failed before any model call: nothing to move

    assertThat(tally.total()).isEqualTo(new RunUsage(207, 53, 11_000L, 120, 5_000));
  }

  @Test
  void noPricedCallMeansNoCost() {
    UsageTally tally = new UsageTally();
    tally.add("unpriced", 1, 7, 3, null);
    assertThat(tally.total().costNanos()).isNull();
    assertThat(new UsageTally().total()).isEqualTo(RunUsage.NONE);
  }
}
