package dev.workflowtracing.tracestore;

/**
 * The orders a list of runs comes in, each a keyset (its key, then the run id, both descending) so
 * pages follow one another without offsets.
 */
public enum RunOrder {
  /** Newest first: by start time. */
  NEWEST_FIRST("r.startedAt"),
  /** Longest first: by duration; runs still going (no duration yet) come last. */
  LONGEST_FIRST("coalesce(r.durationMs, -1)"),
  /** Most expensive first: by cost; runs without a cost (still going, no priced model) last. */
  COSTLIEST_FIRST("coalesce(r.costNanos, -1)"),
  /** Most tokens first: by input and output tokens together; runs still going last. */
  MOST_TOKENS_FIRST("coalesce(r.totalTokens, -1)");

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
    return switch (this) {
      case NEWEST_FIRST -> run.getStartedAt();
      case LONGEST_FIRST -> orMinusOne(run.getDurationMs());
      case COSTLIEST_FIRST -> orMinusOne(run.getCostNanos());
      case MOST_TOKENS_FIRST -> orMinusOne(run.getTotalTokens());
    };
  }

  private static long orMinusOne(Long value) {
    return value == null ? -1 : value;
  }
}
