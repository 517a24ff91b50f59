package dev.workflowtracing.stats;

import dev.workflowtracing.workflow.run.NodeRun;
import dev.workflowtracing.workflow.run.RunResult;
import java.util.List;

/**
 * What the rollups need of an ended run, and no more: a run's inputs and outputs can be megabytes,
 * and ended runs wait a while before they are added.
 */
record EndedRun(
    String runId,
    String workflowId,
    int workflowVersion,
    long startedAtMillis,
    String traceId,
    List<NodeRun> nodes) {

  static EndedRun of(RunResult run) {
    return new EndedRun(
        run.runId(),
        run.workflowId(),
        run.workflowVersion(),
        run.startedAtMillis(),
        run.traceId(),
        List.copyOf(run.nodes()));
  }
}
