package dev.workflowtracing.tracestore.partitions;

/**
 * One partition of a {@link PartitionedTable}: the rows whose time is in {@code [fromMillis,
 * toMillis)}, or, for the default partition, whatever no other partition holds.
 *
 * @param bytes its size on disk, indices included
 * @param estimatedRows PostgreSQL's estimate (from the last analyze), -1 before the first
 */
public record Partition(
    PartitionedTable table,
    String name,
    long fromMillis,
    long toMillis,
    long bytes,
    long estimatedRows) {

  public boolean isDefault() {
    return name.equals(table.defaultPartition());
  }

  /** Whether every row it can hold is older than {@code cutoffMillis}. */
  public boolean endsBefore(long cutoffMillis) {
    return !isDefault() && toMillis <= cutoffMillis;
  }
}
