package dev.workflowtracing.tracestore;

/**
 * A place in the newest-first list of runs: the keyset of (start time, run id). A page starts after
 * the position of the previous page's last run, so runs added meanwhile (they are newer) neither
 * repeat nor shift the pages that follow.
 */
public record RunPosition(long startedAt, String runId) {

  public static RunPosition of(RunRecord run) {
    return new RunPosition(run.getStartedAt(), run.getRunId());
  }
}
