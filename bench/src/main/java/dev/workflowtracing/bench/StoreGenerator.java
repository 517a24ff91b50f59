package dev.workflowtracing.bench;

import dev.workflowtracing.tracestore.IndexedAttributes;
import dev.workflowtracing.tracestore.SpanWriter;
import dev.workflowtracing.tracestore.partitions.PartitionCatalog;
import dev.workflowtracing.tracestore.partitions.PartitionInterval;
import dev.workflowtracing.tracestore.partitions.PartitionedTable;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills a PostgreSQL database with a store of the shape workflow runs leave: {@code runs} runs of
 * {@code spans-per-run} spans (a root, node and attempt spans, six attributes each, a 500-character
 * prompt artifact on every attempt, one run in ten FAILED, ten workflows), their starts spread
 * evenly over the last {@code days} days, written with the application's own COPY path straight
 * into the partitioned tables (not through the API). Two more runs, started in the middle of the
 * range, have traces of {@value #MEDIUM_TRACE} and {@value #LARGE_TRACE} spans, for the reads at
 * volume ({@link VolumeReadBench} finds them by their span count). The per-node rollups of the runs
 * are written too ({@link RollupTally}), for the statistics at volume. The database is emptied and
 * migrated first. Prints the rate as it goes and the disk the store takes at the end.
 *
 * <p>{@code StoreGenerator <jdbc-url> <user> <password> <runs> <days> [spans-per-run=21]
 * [artifacts|no-artifacts]}
 */
public final class StoreGenerator {

  private static final long DAY = 86_400_000L;
  private static final int BATCH_SPANS = 20_000;
  static final int MEDIUM_TRACE = 101;
  static final int LARGE_TRACE = 10_001;
  private static final SpanWriter.Options COPY =
      new SpanWriter.Options(65_536, IndexedAttributes.parse("none"), true, true);

  private StoreGenerator() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String user = args[1];
    String password = args[2];
    long runs = Long.parseLong(args[3]);
    int days = Integer.parseInt(args[4]);
    int spansPerRun = args.length > 5 ? Integer.parseInt(args[5]) : 21;
    boolean artifacts = args.length <= 6 || !args[6].equals("no-artifacts");
    BenchSchema.reset(url, user, password);
    try (Connection db = DriverManager.getConnection(url, user, password)) {
      long now = System.currentTimeMillis();
      long first = PartitionInterval.DAILY.floor(now - days * DAY);
      makeDays(db, first, PartitionInterval.DAILY.floor(now));
      // Its own connection: JdbcRows closes the one it is given.
      long spans =
          generate(
              DriverManager.getConnection(url, user, password),
              runs,
              spansPerRun,
              artifacts,
              now - days * DAY,
              now);
      db.setAutoCommit(true);
      System.out.println("vacuum analyze ...");
      try (Statement sql = db.createStatement()) {
        sql.execute("vacuum analyze");
      }
      report(db, spans);
    }
  }

  /**
   * The partitions of every day from {@code first} to {@code last} that the migration did not make.
   */
  private static void makeDays(Connection db, long first, long last) throws SQLException {
    db.setAutoCommit(false);
    PartitionCatalog catalog = new PartitionCatalog(db);
    for (PartitionedTable table : PartitionedTable.values()) {
      List<String> existing = catalog.partitions(table).stream().map(p -> p.name()).toList();
      for (long day = first; day <= last; day += DAY) {
        String name = PartitionInterval.DAILY.partitionName(table.table(), day);
        if (!existing.contains(name)) {
          catalog.create(table, name, day, day + DAY);
        }
      }
    }
    db.commit();
  }

  /** Writes the runs and their spans; returns the spans written. */
  static long generate(
      Connection db, long runs, int spansPerRun, boolean artifacts, long from, long to)
      throws SQLException {
    double step = (to - from) / (double) runs;
    long started = System.nanoTime();
    long lastReport = started;
    RollupTally rollups = new RollupTally();
    try (JdbcRows rows = new JdbcRows(db, COPY)) {
      List<SpanData> pending = new ArrayList<>(BATCH_SPANS + spansPerRun);
      for (long n = 0; n < runs; n++) {
        long startedAt = from + (long) (n * step);
        List<SpanData> trace =
            SyntheticTraces.trace(n, spansPerRun, startedAt * 1_000_000L, artifacts);
        pending.addAll(trace);
        rollups.add(trace);
        rows.addRun(n, startedAt, spansPerRun);
        if (pending.size() >= BATCH_SPANS) {
          rows.write(pending);
          rows.flushRuns();
          pending.clear();
          if (System.nanoTime() - lastReport > 30e9) {
            lastReport = System.nanoTime();
            double seconds = (lastReport - started) / 1e9;
            System.out.printf(
                "%,d runs, %,d spans in %.0f s: %,.0f spans/s%n",
                n + 1, (n + 1) * spansPerRun, seconds, (n + 1) * spansPerRun / seconds);
          }
        }
      }
      rows.write(pending);
      rows.flushRuns();
      long middle = from + (to - from) / 2;
      writeRun(rows, runs, MEDIUM_TRACE, middle, artifacts);
      writeRun(rows, runs + 1, LARGE_TRACE, middle + 1, artifacts);
      System.out.printf("%,d per-node rollups of those runs%n", rollups.write(rows.connection()));
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "generated %,d runs, %,d spans in %.0f s: %,.0f spans/s (COPY, one transaction per %,d spans)%n",
        runs, runs * spansPerRun, seconds, runs * spansPerRun / seconds, BATCH_SPANS);
    System.out.printf(
        "and runs of %,d and %,d spans (traces %s and %s), %s%n",
        MEDIUM_TRACE,
        LARGE_TRACE,
        SyntheticTraces.traceId(runs),
        SyntheticTraces.traceId(runs + 1),
        artifacts ? "a prompt artifact on every attempt span" : "no artifacts");
    return runs * spansPerRun + MEDIUM_TRACE + LARGE_TRACE;
  }

  private static void writeRun(JdbcRows rows, long n, int spans, long startedAt, boolean artifacts)
      throws SQLException {
    List<SpanData> trace = SyntheticTraces.trace(n, spans, startedAt * 1_000_000L, artifacts);
    for (int i = 0; i < trace.size(); i += BATCH_SPANS) {
      rows.write(trace.subList(i, Math.min(trace.size(), i + BATCH_SPANS)));
    }
    rows.addRun(n, startedAt, trace.size());
    rows.flushRuns();
  }

  private static void report(Connection db, long spans) throws SQLException {
    try (Statement sql = db.createStatement();
        ResultSet sizes =
            sql.executeQuery(
                "select (select sum(pg_total_relation_size(inhrelid)) from pg_inherits"
                    + " where inhparent = 'spans'::regclass),"
                    + " (select sum(pg_total_relation_size(inhrelid)) from pg_inherits"
                    + " where inhparent = 'runs'::regclass),"
                    + " pg_database_size(current_database())")) {
      sizes.next();
      long spanBytes = sizes.getLong(1);
      long runBytes = sizes.getLong(2);
      System.out.printf(
          "disk: spans %,d MB (%,.0f MB per million spans), runs %,d MB, database %,d MB%n",
          spanBytes >> 20,
          (spanBytes >> 20) / (spans / 1e6),
          runBytes >> 20,
          sizes.getLong(3) >> 20);
    }
  }
}
