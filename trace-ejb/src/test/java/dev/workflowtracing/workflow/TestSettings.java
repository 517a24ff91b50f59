package dev.workflowtracing.workflow;

import java.time.Duration;
import java.util.Optional;

/**
 * Workflow settings for tests: no samples, 4 nodes at a time, a simulated model that is instant,
 * the demo prices of the simulated models.
 */
public final class TestSettings {

  private TestSettings() {}

  public static WorkflowSettings workflow() {
    return new WorkflowSettings(
        false,
        4,
        Duration.ofSeconds(5),
        Duration.ofMinutes(1),
        "simulated",
        0,
        Optional.empty(),
        Optional.empty(),
        Duration.ofSeconds(1),
        100,
        PriceTable.parse("sim-small=0.15/0.60,sim-large=3/15", "USD"));
  }
}
