package dev.workflowtracing.schema;

import dev.workflowtracing.tracestore.partitions.PartitionCatalog;
import dev.workflowtracing.tracestore.partitions.PartitionInterval;
import dev.workflowtracing.tracestore.partitions.PartitionPlan;
import dev.workflowtracing.tracestore.partitions.PartitionedTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Version 9 (PostgreSQL only; H2 keeps its plain tables): spans and runs become tables partitioned
 * by their start time, a partition a day, so that retention drops whole partitions instead of
 * deleting rows. Every stored row is carried over (counted before and after, in the migration's one
 * transaction: a difference rolls it all back); a partition is made for each day that holds rows
 * within the last {@value #DAYS_CARRIED_BACK} days, and older or odd rows go to the default
 * partition. Primary keys gain the partition column, as PostgreSQL requires; the ids stay unique as
 * before, since a span's start and a run's start never change.
 */
public class PartitionByTime implements JavaMigration {

  private static final Logger LOG = Logger.getLogger(PartitionByTime.class.getName());

  static final int DAYS_CARRIED_BACK = 400;
  private static final int DAYS_AHEAD = 3;
  private static final long DAY_MILLIS = 86_400_000L;

  private final PartitionInterval interval = PartitionInterval.DAILY;

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("9");
  }

  @Override
  public String getDescription() {
    return "partition spans and runs by time";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    if (!PartitionCatalog.isPostgreSql(connection)) {
      return;
    }
    long started = System.nanoTime();
    long spans =
        partition(connection, PartitionedTable.SPANS, "trace_id, span_id, start_nanos", List.of());
    long runs =
        partition(
            connection,
            PartitionedTable.RUNS,
            "run_id, started_at",
            List.of(
                "create index runs_started on runs (started_at, run_id)",
                "create index runs_workflow_started on runs (workflow_id, started_at, run_id)",
                "create index runs_status_started on runs (status, started_at, run_id)",
                "create index runs_trace on runs (trace_id)",
                "create index runs_executed_by on runs (executed_by, status)"));
    double seconds = (System.nanoTime() - started) / 1e9;
    LOG.info(
        String.format(
            "Partitioned spans and runs by time: %,d spans and %,d runs carried over in %.1f s"
                + " (%.1f s per million spans)",
            spans, runs, seconds, spans == 0 ? 0 : seconds / (spans / 1e6)));
  }

  /** Moves {@code table} into a partitioned table of the same columns; answers the rows moved. */
  private long partition(
      Connection connection, PartitionedTable table, String primaryKey, List<String> indices)
      throws SQLException {
    String name = table.table();
    String old = name + "_unpartitioned";
    PartitionCatalog catalog = new PartitionCatalog(connection);
    try (Statement statement = connection.createStatement()) {
      statement.execute("alter table " + name + " rename to " + old);
      statement.execute(
          "alter table " + old + " rename constraint " + name + "_pkey to " + old + "_pkey");
      for (String index : indices) {
        statement.execute("drop index if exists " + index.split(" ")[2]);
      }
      statement.execute(
          "create table "
              + name
              + " (like "
              + old
              + " including defaults) partition by range ("
              + table.column()
              + ")");
      statement.execute(
          "alter table "
              + name
              + " add constraint "
              + name
              + "_pkey primary key ("
              + primaryKey
              + ")");
      for (String index : indices) {
        statement.execute(index);
      }
    }
    catalog.createDefault(table);
    long now = System.currentTimeMillis();
    TreeSet<Long> days = daysWithRows(connection, table, old, now);
    PartitionPlan.missing(List.of(), interval, now, DAYS_AHEAD)
        .forEach(range -> days.add(range.fromMillis()));
    for (long day : days) {
      catalog.create(table, interval.partitionName(name, day), day, day + DAY_MILLIS);
    }
    long before = catalog.rows(old);
    try (Statement statement = connection.createStatement()) {
      statement.execute("insert into " + name + " select * from " + old);
    }
    long after = catalog.rows(name);
    if (after != before) {
      throw new SQLException(
          "Partitioning " + name + " carried over " + after + " of " + before + " rows");
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("drop table " + old);
    }
    return after;
  }

  /** The starts of the days of the last DAYS_CARRIED_BACK (and the next few) that hold rows. */
  private static TreeSet<Long> daysWithRows(
      Connection connection, PartitionedTable table, String old, long now) throws SQLException {
    long unitsPerDay = table.toUnits(DAY_MILLIS);
    long firstDay = Math.floorDiv(now, DAY_MILLIS) - DAYS_CARRIED_BACK;
    long lastDay = Math.floorDiv(now, DAY_MILLIS) + DAYS_AHEAD;
    TreeSet<Long> days = new TreeSet<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select distinct div("
                    + table.column()
                    + ", "
                    + unitsPerDay
                    + ") from "
                    + old
                    + " where "
                    + table.column()
                    + " >= 0")) {
      while (rows.next()) {
        long day = rows.getLong(1);
        if (day >= firstDay && day <= lastDay) {
          days.add(day * DAY_MILLIS);
        }
      }
    }
    return days;
  }
}
