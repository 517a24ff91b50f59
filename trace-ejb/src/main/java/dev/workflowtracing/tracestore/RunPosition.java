package dev.workflowtracing.tracestore;

/**
 * A place in a list of runs: the keyset of its order (the run's key in that order, e.g. its start
 * time, then its id). A page starts after the position of the previous page's last run, so runs
 * added meanwhile neither repeat nor shift the pages that follow.
 */
public record RunPosition(RunOrder order, long key, String runId) {

  public static RunPosition of(RunRecord run, RunOrder order) {
    return new RunPosition(order, order.keyOf(run), run.getRunId());
  }
}
