package dev.workflowtracing.web.admin;

import dev.workflowtracing.retention.PartitionStats;
import dev.workflowtracing.retention.RetentionStats;
import dev.workflowtracing.tracestore.partitions.Partition;
import dev.workflowtracing.tracestore.partitions.PartitionStore;
import dev.workflowtracing.tracestore.partitions.PartitionedTable;
import java.time.Instant;
import java.util.List;

/**
 * How spans and runs are stored, for the admin page.
 *
 * @param partitioned whether the tables are partitioned by time (PostgreSQL); on H2 they are plain
 *     and {@code tables} is empty
 * @param partitionsCreated partitions this server made ahead of need since it started
 * @param partitionFailures partitions this server could not make since it started
 * @param lastPartitionFailure what the last of those failed with, null if none
 * @param lastPartitionCheck when this server last checked for missing partitions, null if never
 * @param partitionsDropped partitions retention dropped whole on this server since it started
 * @param lastPurge when retention last purged on this server, null if never
 */
public record StorageView(
    boolean partitioned,
    List<TableView> tables,
    long partitionsCreated,
    long partitionFailures,
    String lastPartitionFailure,
    Instant lastPartitionCheck,
    long partitionsDropped,
    Instant lastPurge) {

  static StorageView of(List<TableView> tables, PartitionStats partitions, RetentionStats purges) {
    return new StorageView(
        true,
        tables,
        partitions.created(),
        partitions.failures(),
        partitions.lastFailure().orElse(null),
        partitions.lastCheck().orElse(null),
        partitions.dropped(),
        purges.lastPurge().orElse(null));
  }

  static StorageView unpartitioned(RetentionStats purges) {
    return new StorageView(false, List.of(), 0, 0, null, null, 0, purges.lastPurge().orElse(null));
  }

  /**
   * A partitioned table.
   *
   * @param defaultRows rows in its default partition (rows no time partition held when written),
   *     counted up to {@value PartitionStore#MAX_COUNTED_DEFAULT_ROWS}
   */
  public record TableView(
      String table, long bytes, List<PartitionView> partitions, long defaultRows) {

    static TableView of(PartitionedTable table, List<Partition> partitions, long defaultRows) {
      return new TableView(
          table.table(),
          partitions.stream().mapToLong(Partition::bytes).sum(),
          partitions.stream().map(PartitionView::of).toList(),
          defaultRows);
    }
  }

  /**
   * One partition.
   *
   * @param from the start of its time range; null for the default partition
   * @param to the end of its time range (exclusive); null for the default partition
   * @param bytes its size on disk, indices included
   * @param estimatedRows PostgreSQL's estimate from the last analyze, -1 before the first
   */
  public record PartitionView(
      String name, Instant from, Instant to, long bytes, long estimatedRows) {

    static PartitionView of(Partition partition) {
      boolean isDefault = partition.isDefault();
      return new PartitionView(
          partition.name(),
          isDefault ? null : Instant.ofEpochMilli(partition.fromMillis()),
          isDefault ? null : Instant.ofEpochMilli(partition.toMillis()),
          partition.bytes(),
          partition.estimatedRows());
    }
  }
}
