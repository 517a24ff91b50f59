package dev.workflowtracing.stats;

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

  /** Counts by bucket: an array, as adding up a range's rollups merges many small histograms. */
  private final long[] counts = new long[MAX_BUCKET + 1];

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
    counts[bucketOf(Math.max(0, millis))]++;
  }

  public void addAll(DurationHistogram other) {
    for (int bucket = 0; bucket <= MAX_BUCKET; bucket++) {
      counts[bucket] += other.counts[bucket];
    }
  }

  public long count() {
    long n = 0;
    for (long count : counts) {
      n += count;
    }
    return n;
  }

  /** The p-th percentile as defined above; null when there is no duration. */
  public Long percentile(int p) {
    long n = count();
    if (n == 0) {
      return null;
    }
    long rank = Math.max(1, (long) Math.ceil(p / 100.0 * n));
    long seen = 0;
    for (int bucket = 0; bucket <= MAX_BUCKET; bucket++) {
      seen += counts[bucket];
      if (seen >= rank) {
        return upperBound(bucket);
      }
    }
    return upperBound(MAX_BUCKET);
  }

  /** As stored: {@code bucket:count} pairs separated by commas, buckets ascending. */
  public String encode() {
    StringBuilder text = new StringBuilder();
    for (int bucket = 0; bucket <= MAX_BUCKET; bucket++) {
      if (counts[bucket] > 0) {
        if (!text.isEmpty()) {
          text.append(',');
        }
        text.append(bucket).append(':').append(counts[bucket]);
      }
    }
    return text.toString();
  }

  /** Reads what {@link #encode} wrote; a malformed pair is skipped. */
  public static DurationHistogram decode(String text) {
    DurationHistogram histogram = new DurationHistogram();
    histogram.addEncoded(text);
    return histogram;
  }

  /**
   * Adds what {@link #encode} wrote, read in place (no pair is split into strings); a malformed
   * pair is skipped, the others kept.
   */
  public void addEncoded(String text) {
    if (text == null) {
      return;
    }
    int length = text.length();
    int at = 0;
    while (at < length) {
      int end = text.indexOf(',', at);
      if (end < 0) {
        end = length;
      }
      int colon = text.indexOf(':', at);
      if (colon > at && colon < end - 1) {
        long bucket = digits(text, at, colon);
        long count = digits(text, colon + 1, end);
        if (bucket >= 0 && bucket <= MAX_BUCKET && count > 0) {
          counts[(int) bucket] += count;
        }
      }
      at = end + 1;
    }
  }

  /** The whole number in {@code text[from, to)}; -1 unless it is only digits (at most 18). */
  private static long digits(String text, int from, int to) {
    if (to - from > 18) {
      return -1;
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
