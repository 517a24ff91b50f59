package dev.workflowtracing.tracestore.partitions;

import java.util.ArrayList;
import java.util.List;

/**
 * Which partitions to create so that writes never land in the default partition: the interval
 * before the current one (late spans), the current one and {@code ahead} more. New partitions
 * continue from the newest that exists, so they never overlap one, also after the interval was
 * changed (the first new one then ends where the new interval's grid does).
 */
public final class PartitionPlan {

  /** The rows of {@code [fromMillis, toMillis)}. */
  public record Range(long fromMillis, long toMillis) {}

  private PartitionPlan() {}

  public static List<Range> missing(
      List<Partition> existing, PartitionInterval interval, long nowMillis, int ahead) {
    long length = interval.length().toMillis();
    long earliest = interval.floor(nowMillis) - length;
    long until = interval.floor(nowMillis) + (ahead + 1L) * length;
    long from =
        existing.stream()
            .filter(p -> !p.isDefault())
            .mapToLong(Partition::toMillis)
            .max()
            .orElse(earliest);
    from = Math.max(from, earliest);
    List<Range> ranges = new ArrayList<>();
    while (from < until) {
      long to = interval.floor(from) + length;
      ranges.add(new Range(from, to));
      from = to;
    }
    return ranges;
  }
}
