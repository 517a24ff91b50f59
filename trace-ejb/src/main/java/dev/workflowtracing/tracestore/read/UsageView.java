package dev.workflowtracing.tracestore.read;

import dev.workflowtracing.workflow.PriceTable;
import dev.workflowtracing.workflow.run.RunUsage;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What a run's model calls used, as the API shows it: tokens and cost over every attempt (retries
 * included), and of that what went to attempts that failed. {@code cost} is null when no model the
 * run called has a price ({@code workflow.llm.prices}); {@code costNanos} is the same, exact.
 */
public record UsageView(
    long inputTokens,
    long outputTokens,
    long totalTokens,
    Double cost,
    Long costNanos,
    String currency,
    long failedAttemptTokens,
    double failedAttemptCost) {

  static UsageView of(RunUsage usage) {
    return new UsageView(
        usage.inputTokens(),
        usage.outputTokens(),
        usage.inputTokens() + usage.outputTokens(),
        usage.costNanos() == null ? null : usage.costNanos() / 1e9,
        usage.costNanos(),
        // The one currency of the price table; the run stores amounts only.
        ConfigProvider.getConfig().getValue(PriceTable.CURRENCY_KEY, String.class),
        usage.failedAttemptTokens(),
        usage.failedAttemptCostNanos() / 1e9);
  }
}
