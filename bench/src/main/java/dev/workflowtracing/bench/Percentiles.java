package dev.workflowtracing.bench;

import java.util.Arrays;
import java.util.List;

/** The benchmarks' one definition of a percentile: nearest rank over sorted samples. */
final class Percentiles {

  private Percentiles() {}

  /** The p-th percentile of sorted samples, the sample itself; -1 when there are none. */
  static long of(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return -1;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.min(sorted.size() - 1, Math.max(0, rank - 1)));
  }

  /** The p-th percentile of sorted nanosecond samples in milliseconds; NaN when there are none. */
  static double millis(List<Long> sortedNanos, int p) {
    return sortedNanos.isEmpty() ? Double.NaN : of(sortedNanos, p) / 1e6;
  }

  static double millis(long[] sortedNanos, int p) {
    return millis(Arrays.stream(sortedNanos).boxed().toList(), p);
  }
}
