package dev.workflowtracing.workflow.engine.execution;

import dev.workflowtracing.workflow.run.RunUsage;
import java.util.HashMap;
import java.util.Map;

/**
 * A run's model usage as its attempts report it, added up as they go (attempts of one wave run at
 * once); an attempt that fails after its call moves its share to the failed attempts' part.
 */
public final class UsageTally {

  private record Share(long tokens, Long costNanos) {}

  /** A node's calls over all its attempts. */
  record NodeUsage(long inputTokens, long outputTokens, Long costNanos) {}

  private final Map<String, Share> byAttempt = new HashMap<>();
  private final Map<String, NodeUsage> byNode = new HashMap<>();
  private long inputTokens;
  private long outputTokens;
  private Long costNanos;
  private long failedTokens;
  private long failedCostNanos;

  /** An attempt's call used these tokens, at this cost (null: its model has no price). */
  synchronized void add(String nodeId, int attempt, long input, long output, Long cost) {
    inputTokens += input;
    outputTokens += output;
    if (cost != null) {
      costNanos = (costNanos == null ? 0 : costNanos) + cost;
    }
    byAttempt.put(nodeId + "#" + attempt, new Share(input + output, cost));
    byNode.merge(
        nodeId,
        new NodeUsage(input, output, cost),
        (a, b) ->
            new NodeUsage(
                a.inputTokens() + b.inputTokens(),
                a.outputTokens() + b.outputTokens(),
                a.costNanos() == null
                    ? b.costNanos()
                    : b.costNanos() == null ? a.costNanos() : a.costNanos() + b.costNanos()));
  }

  /** What the node's calls used over all its attempts. */
  synchronized NodeUsage ofNode(String nodeId) {
    return byNode.getOrDefault(nodeId, new NodeUsage(0, 0, null));
  }

  /** The attempt failed: what its call used counts as spent on failed attempts too. */
  synchronized void failed(String nodeId, int attempt) {
    Share share = byAttempt.get(nodeId + "#" + attempt);
    if (share != null) {
      failedTokens += share.tokens();
      failedCostNanos += share.costNanos() == null ? 0 : share.costNanos();
    }
  }

  public synchronized RunUsage total() {
    return new RunUsage(inputTokens, outputTokens, costNanos, failedTokens, failedCostNanos);
  }
}
