package dev.workflowtracing.bench;

import dev.workflowtracing.tracestore.partitions.Partition;
import dev.workflowtracing.tracestore.partitions.PartitionCatalog;
import dev.workflowtracing.tracestore.partitions.PartitionedTable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Retention of one day of a store that {@link StoreGenerator} filled: the oldest day's partitions
 * of runs and spans dropped (what retention does), against the next day's rows deleted with one
 * statement per table (what retention would do without partitions). Prints both times and the rows
 * each removed.
 *
 * <p>{@code RetentionBench <jdbc-url> <user> <password>}
 */
public final class RetentionBench {

  private RetentionBench() {}

  public static void main(String[] args) throws Exception {
    try (Connection db = DriverManager.getConnection(args[0], args[1], args[2])) {
      db.setAutoCommit(false);
      PartitionCatalog catalog = new PartitionCatalog(db);
      List<Partition> runDays = days(catalog, PartitionedTable.RUNS);
      List<Partition> spanDays = days(catalog, PartitionedTable.SPANS);
      Partition dropRuns = runDays.get(0);
      Partition dropSpans = spanDays.get(0);
      Partition deleteSpans = spanDays.get(1);
      long droppedRows = count(db, dropSpans.name());
      long deletedRows = count(db, deleteSpans.name());

      long started = System.nanoTime();
      long deleted =
          delete(db, "runs", "started_at", deleteSpans.fromMillis(), deleteSpans.toMillis())
              + delete(
                  db,
                  "spans",
                  "start_nanos",
                  deleteSpans.fromMillis() * 1_000_000L,
                  deleteSpans.toMillis() * 1_000_000L);
      db.commit();
      double deleteSeconds = (System.nanoTime() - started) / 1e9;

      started = System.nanoTime();
      catalog.drop(dropRuns);
      catalog.drop(dropSpans);
      db.commit();
      double dropSeconds = (System.nanoTime() - started) / 1e9;

      System.out.printf(
          "| way | day | span rows | seconds |%n|---|---|---|---|%n"
              + "| drop the day's partitions (runs, then spans) | %s | %,d | %.3f |%n"
              + "| delete the day's rows (runs, then spans; one statement each) | %s | %,d | %.3f |%n",
          dropSpans.name(),
          droppedRows,
          dropSeconds,
          deleteSpans.name(),
          deletedRows,
          deleteSeconds);
      System.out.printf("(the delete removed %,d rows of runs and spans)%n", deleted);
    }
  }

  /** The table's day partitions that hold rows, oldest first. */
  private static List<Partition> days(PartitionCatalog catalog, PartitionedTable table)
      throws SQLException {
    return catalog.partitions(table).stream()
        .filter(p -> !p.isDefault() && p.estimatedRows() > 0)
        .toList();
  }

  private static long count(Connection db, String table) throws SQLException {
    try (Statement sql = db.createStatement();
        ResultSet rows = sql.executeQuery("select count(*) from " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static long delete(Connection db, String table, String column, long from, long to)
      throws SQLException {
    try (Statement sql = db.createStatement()) {
      return sql.executeUpdate(
          "delete from "
              + table
              + " where "
              + column
              + " >= "
              + from
              + " and "
              + column
              + " < "
              + to);
    }
  }
}
