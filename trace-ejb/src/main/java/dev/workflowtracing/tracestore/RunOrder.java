package dev.workflowtracing.tracestore;

/**
 * The orders a list of runs comes in, each a keyset (its key, then the run id, both descending) so
 * pages follow one another without offsets.
 */
public enum RunOrder {
  /** Newest first: by start time. */
  NEWEST_FIRST("r.startedAt"),
  /** Longest first: by duration; runs still going (no duration yet) come last. */
  LONGEST_FIRST("coalesce(r.durationMs, -1)");

  private final String key;

  RunOrder(String key) {
    this.key = key;
  }

  /** The JPQL expression of the key, on the run aliased {@code r}. */
  String key() {
    return key;
  }

  /** The run's key in this order. */
  long keyOf(RunRecord run) {
    return this == NEWEST_FIRST
        ? run.getStartedAt()
        : run.getDurationMs() == null ? -1 : run.getDurationMs();
  }
}
