package dev.workflowtracing.stats;

import org.eclipse.microprofile.config.Config;

/**
 * When a running node counts as running longer than usual: past {@code factor} times its own p95
 * over the last {@code windowDays} days (same workflow version), once it has at least {@code
 * minExecutions} executions there; with fewer, it is never flagged.
 */
public record UsualDurationSettings(double factor, int windowDays, int minExecutions) {

  static final String FACTOR = "workflow.stats.longer-than-usual.factor";
  static final String WINDOW_DAYS = "workflow.stats.longer-than-usual.window-days";
  static final String MIN_EXECUTIONS = "workflow.stats.longer-than-usual.min-executions";

  public UsualDurationSettings {
    check(FACTOR, factor, 1, 1000);
    check(WINDOW_DAYS, windowDays, 1, 93);
    check(MIN_EXECUTIONS, minExecutions, 1, 1_000_000);
  }

  public static UsualDurationSettings from(Config config) {
    return new UsualDurationSettings(
        config.getValue(FACTOR, Double.class),
        config.getValue(WINDOW_DAYS, Integer.class),
        config.getValue(MIN_EXECUTIONS, Integer.class));
  }

  private static void check(String key, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          key + " must be from " + (long) min + " to " + (long) max + ", not " + value);
    }
  }
}
