package dev.workflowtracing.tracestore.partitions;

/**
 * A table partitioned by time, with the column it is partitioned by and that column's unit: spans
 * by their start in epoch nanoseconds, runs by theirs in epoch milliseconds, the per-node rollups
 * by their hour's start in epoch milliseconds.
 */
public enum PartitionedTable {
  SPANS("spans", "start_nanos", 1_000_000L),
  RUNS("runs", "started_at", 1L),
  NODE_ROLLUPS("node_rollups", "bucket_start", 1L);

  private final String table;
  private final String column;
  private final long unitsPerMilli;

  PartitionedTable(String table, String column, long unitsPerMilli) {
    this.table = table;
    this.column = column;
    this.unitsPerMilli = unitsPerMilli;
  }

  public String table() {
    return table;
  }

  public String column() {
    return column;
  }

  /** The default partition: rows no interval partition holds. */
  public String defaultPartition() {
    return table + "_default";
  }

  /** Epoch milliseconds in the partition column's unit. */
  public long toUnits(long epochMillis) {
    return Math.multiplyExact(epochMillis, unitsPerMilli);
  }

  long toMillis(long units) {
    return Math.floorDiv(units, unitsPerMilli);
  }
}
