package dev.workflowtracing.compare;

import dev.workflowtracing.tracestore.read.RunView;
import java.util.List;
import java.util.Map;

/**
 * Two runs of one workflow compared: both runs, the aligned graph with each node on both sides, how
 * many nodes changed in each way, and, when one node was asked for, the line diffs of its texts.
 *
 * @param changes how many nodes have each {@link NodeComparison#change()}
 * @param total the runs' own difference (right minus left): duration, tokens, cost
 * @param texts the asked node's texts diffed; null when no node was asked for
 */
public record RunComparisonView(
    String workflowId,
    RunView left,
    RunView right,
    Map<String, Integer> changes,
    NodeDifference total,
    List<NodeComparison> nodes,
    List<AlignedEdge> edges,
    NodeTexts texts) {

  /** A node's texts on both sides: input, request, prompt, response, output, error. */
  public record NodeTexts(String nodeId, List<TextDiff> texts) {}
}
