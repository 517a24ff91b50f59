package dev.workflowtracing.ingest;

import java.util.List;

/**
 * What an import stored: each trace with its run (null for a trace made only of foreign spans), and
 * the spans rejected from the file with the reason for the first.
 */
public record ImportResult(List<ImportedTrace> traces, long rejected, String rejectionMessage) {

  /** One imported trace: its own spans and those of other services. */
  public record ImportedTrace(String traceId, String runId, int ownSpans, int foreignSpans) {}
}
