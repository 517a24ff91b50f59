package dev.workflowtracing.tracestore.partitions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The partitions of the time-partitioned tables, read from and changed in PostgreSQL's catalog, on
 * a connection in the caller's transaction (a migration's, or one the caller commits).
 */
public final class PartitionCatalog {

  private static final Pattern RANGE =
      Pattern.compile("FROM \\('?(-?\\d+)'?\\) TO \\('?(-?\\d+)'?\\)");

  private final Connection connection;

  public PartitionCatalog(Connection connection) {
    this.connection = connection;
  }

  public static boolean isPostgreSql(Connection connection) throws SQLException {
    return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
  }

  /** Whether {@code table} is partitioned here (never on H2; on PostgreSQL from version 9). */
  public boolean isPartitioned(PartitionedTable table) throws SQLException {
    if (!isPostgreSql(connection)) {
      return false;
    }
    try (PreparedStatement query =
        connection.prepareStatement(
            "select 1 from pg_partitioned_table p join pg_class c on c.oid = p.partrelid"
                + " where c.relname = ? and c.relnamespace = current_schema()::regnamespace")) {
      query.setString(1, table.table());
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }

  /** Its partitions, oldest first, the default partition last. */
  public List<Partition> partitions(PartitionedTable table) throws SQLException {
    List<Partition> partitions = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "select c.relname, pg_get_expr(c.relpartbound, c.oid), pg_total_relation_size(c.oid),"
                + " c.reltuples::bigint from pg_inherits i"
                + " join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent"
                + " where p.relname = ? and p.relnamespace = current_schema()::regnamespace")) {
      query.setString(1, table.table());
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          String name = rows.getString(1);
          String bound = rows.getString(2);
          long bytes = rows.getLong(3);
          long estimatedRows = rows.getLong(4);
          Matcher range = RANGE.matcher(bound);
          if (range.find()) {
            partitions.add(
                new Partition(
                    table,
                    name,
                    table.toMillis(Long.parseLong(range.group(1))),
                    table.toMillis(Long.parseLong(range.group(2))),
                    bytes,
                    estimatedRows));
          } else if (name.equals(table.defaultPartition())) {
            partitions.add(
                new Partition(table, name, Long.MIN_VALUE, Long.MAX_VALUE, bytes, estimatedRows));
          }
          // Any other partition (made by hand, MINVALUE/MAXVALUE bounds) is left alone.
        }
      }
    }
    partitions.sort(
        Comparator.comparing(Partition::isDefault).thenComparingLong(Partition::fromMillis));
    return partitions;
  }

  /**
   * Creates the partition of {@code [fromMillis, toMillis)}. Rows of that range that the default
   * partition took meanwhile (their partition was missing) move into it: PostgreSQL refuses a new
   * partition while the default one holds rows that belong to it. (A row that reaches the default
   * partition between the check and the creation fails the creation; the next attempt moves it.)
   */
  public void create(PartitionedTable table, String name, long fromMillis, long toMillis)
      throws SQLException {
    String range =
        " for values from (" + table.toUnits(fromMillis) + ") to (" + table.toUnits(toMillis) + ")";
    String inRange =
        " where "
            + table.column()
            + " >= "
            + table.toUnits(fromMillis)
            + " and "
            + table.column()
            + " < "
            + table.toUnits(toMillis);
    String fallback = table.defaultPartition();
    try (Statement statement = connection.createStatement()) {
      boolean strays;
      try (ResultSet rows =
          statement.executeQuery("select 1 from " + fallback + inRange + " limit 1")) {
        strays = rows.next();
      }
      if (!strays) {
        statement.execute("create table " + name + " partition of " + table.table() + range);
        return;
      }
      statement.execute("alter table " + table.table() + " detach partition " + fallback);
      statement.execute("create table " + name + " partition of " + table.table() + range);
      statement.execute("insert into " + name + " select * from " + fallback + inRange);
      statement.execute("delete from " + fallback + inRange);
      statement.execute(
          "alter table " + table.table() + " attach partition " + fallback + " default");
    }
  }

  /** Counts the rows of a table or partition. */
  public long rows(String table) throws SQLException {
    return count("select count(*) from " + table);
  }

  /**
   * Counts the rows of a partition up to {@code most}: a bounded read for the metrics, whatever a
   * default partition came to hold.
   */
  public long rows(String partition, long most) throws SQLException {
    return count("select count(*) from (select 1 from " + partition + " limit " + most + ") r");
  }

  private long count(String query) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Creates the default partition, if there is none. */
  public void createDefault(PartitionedTable table) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "create table if not exists "
              + table.defaultPartition()
              + " partition of "
              + table.table()
              + " default");
    }
  }

  /**
   * Detaches and drops a partition, with every row it holds; for spans, their attribute rows too
   * (that table is not partitioned: it is empty unless {@code
   * tracing.persistence.indexed-attributes} names keys); for runs, the spans of theirs that lie in
   * later partitions.
   */
  public void drop(Partition partition) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      if (partition.table() == PartitionedTable.RUNS) {
        // Runs that went on past their partition's end have spans in a later span partition,
        // which stays: delete those spans now, or they would outlive their run.
        long end = partition.toMillis();
        statement.execute(
            "delete from spans where start_nanos >= "
                + PartitionedTable.SPANS.toUnits(end)
                + " and trace_id in (select trace_id from "
                + partition.name()
                + " where trace_id is not null and (ended_at is null or ended_at >= "
                + end
                + "))");
      }
      if (partition.table() == PartitionedTable.SPANS) {
        statement.execute(
            "delete from span_attributes a using "
                + partition.name()
                + " s where a.trace_id = s.trace_id and a.span_id = s.span_id");
      }
      statement.execute(
          "alter table " + partition.table().table() + " detach partition " + partition.name());
      statement.execute("drop table " + partition.name());
    }
  }
}
