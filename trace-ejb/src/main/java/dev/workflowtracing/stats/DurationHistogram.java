package dev.workflowtracing.stats;

import java.util.Map;
import java.util.TreeMap;

/**
 * Durations counted in buckets that grow by a factor of 2^(1/4) (19%): bucket {@code i} holds the
 * durations {@code d} with {@code 2^((i-1)/4) < d <= 2^(i/4)} milliseconds, bucket 0 those of 1 ms
 * or less. Histograms of any two sets of runs add up bucket by bucket, so the figures of a time
 * range come from hourly rollups without reading a span.
 *
 * <p><b>Percentiles, by definition:</b> the p-th percentile of {@code n} durations is the upper
 * bound, rounded up to a whole millisecond, of the bucket that holds the duration of rank {@code
 * ceil(p/100 * n)} in ascending order: never below the true value, at most 19% above it.
 */
public final class DurationHistogram {

  private static final double STEPS_PER_DOUBLING = 4;
  private static final int MAX_BUCKET = 200; // 2^50 ms: beyond any run

  private final TreeMap<Integer, Long> counts = new TreeMap<>();

  /** The bucket of a duration. */
  static int bucketOf(long millis) {
    if (millis <= 1) {
      return 0;
    }
    int bucket = (int) Math.ceil(Math.log(millis) / Math.log(2) * STEPS_PER_DOUBLING - 1e-9);
    // Floating point may land a duration one bucket low: bounds are checked exactly.
    while (upperBound(bucket) < millis) {
      bucket++;
    }
    return Math.min(bucket, MAX_BUCKET);
  }

  /** The largest whole millisecond a bucket holds, rounded up. */
  static long upperBound(int bucket) {
    return (long) Math.ceil(Math.pow(2, bucket / STEPS_PER_DOUBLING) - 1e-9);
  }

  public void add(long millis) {
    counts.merge(bucketOf(Math.max(0, millis)), 1L, Long::sum);
  }

  public void addAll(DurationHistogram other) {
    other.counts.forEach((bucket, count) -> counts.merge(bucket, count, Long::sum));
  }

  public long count() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The p-th percentile as defined above; null when there is no duration. */
  public Long percentile(int p) {
    long n = count();
    if (n == 0) {
      return null;
    }
    long rank = Math.max(1, (long) Math.ceil(p / 100.0 * n));
    long seen = 0;
    for (Map.Entry<Integer, Long> bucket : counts.entrySet()) {
      seen += bucket.getValue();
      if (seen >= rank) {
        return upperBound(bucket.getKey());
      }
    }
    return upperBound(counts.lastKey());
  }

  /** As stored: {@code bucket:count} pairs separated by commas, buckets ascending. */
  public String encode() {
    StringBuilder text = new StringBuilder();
    counts.forEach(
        (bucket, count) -> {
          if (!text.isEmpty()) {
            text.append(',');
          }
          text.append(bucket).append(':').append(count);
        });
    return text.toString();
  }

  /** Reads what {@link #encode} wrote; a malformed pair is skipped. */
  public static DurationHistogram decode(String text) {
    DurationHistogram histogram = new DurationHistogram();
    if (text == null || text.isBlank()) {
      return histogram;
    }
    for (String pair : text.split(",")) {
      int colon = pair.indexOf(':');
      try {
        int bucket = Integer.parseInt(pair.substring(0, colon));
        long count = Long.parseLong(pair.substring(colon + 1));
        if (bucket >= 0 && bucket <= MAX_BUCKET && count > 0) {
          histogram.counts.merge(bucket, count, Long::sum);
        }
      } catch (RuntimeException e) {
        // skipped: one bad pair does not lose the others
      }
    }
    return histogram;
  }
}
