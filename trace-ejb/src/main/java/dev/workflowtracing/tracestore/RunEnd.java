package dev.workflowtracing.tracestore;

import dev.workflowtracing.workflow.run.RunStatus;
import dev.workflowtracing.workflow.run.RunUsage;

/**
 * How a run ended, as recorded in its row.
 *
 * @param expectedSpans the spans the run produced: its root, one per executed node and one per
 *     attempt
 * @param usage what its model calls used and cost
 */
public record RunEnd(
    String runId,
    RunStatus status,
    long endedAtMillis,
    String outputsJson,
    String error,
    int expectedSpans,
    RunUsage usage) {

  /** This end without its outputs and error text, for when the whole of it cannot be stored. */
  public RunEnd withoutPayload(String reason) {
    return new RunEnd(
        runId, status, endedAtMillis, RunRecord.notStored(reason), null, expectedSpans, usage);
  }
}
