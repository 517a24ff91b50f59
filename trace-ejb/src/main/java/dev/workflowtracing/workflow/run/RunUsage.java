package dev.workflowtracing.workflow.run;

/**
 * What a run's model calls used: tokens and cost over every attempt, retries included, and of that
 * what went to attempts that failed. Cost is in billionths of the price table's currency, so that
 * sums are exact; a model without a price adds tokens and no cost.
 *
 * @param costNanos null when no attempt's model had a price
 */
public record RunUsage(
    long inputTokens,
    long outputTokens,
    Long costNanos,
    long failedAttemptTokens,
    long failedAttemptCostNanos) {

  /** A run that called no model (or never ran). */
  public static final RunUsage NONE = new RunUsage(0, 0, null, 0, 0);
}
