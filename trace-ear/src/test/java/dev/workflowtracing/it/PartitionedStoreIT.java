package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.workflowtracing.schema.SchemaMigration;
import dev.workflowtracing.tracestore.partitions.Partition;
import dev.workflowtracing.tracestore.partitions.PartitionCatalog;
import dev.workflowtracing.tracestore.partitions.PartitionInterval;
import dev.workflowtracing.tracestore.partitions.PartitionedTable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store's layout by time, on a database of its own that this test migrates with the
 * application's own migrations: on PostgreSQL spans and runs are partitioned a day each, on H2 the
 * tables stay plain, and on both every row is kept. An existing store keeps every row when it moves
 * to the partitioned layout, spans land in their day's partition across a day boundary, a span
 * older than every partition is still stored, a partition made later takes the rows the default
 * partition held of its day, and dropping a day of runs takes with it the spans its runs left in
 * the next day.
 */
class PartitionedStoreIT {

  private static final boolean POSTGRES = "postgres".equals(System.getProperty("it.db"));
  private static final String SCHEMA = "partitioned_store_it";
  private static final String PG_URL =
      "jdbc:postgresql://localhost:5432/workflow_tracing?currentSchema=" + SCHEMA;
  private static final String PG_USER = "workflow_tracing";
  private static final String PG_PASSWORD =
      System.getenv().getOrDefault("TRACE_DB_PASSWORD", "workflow_tracing");
  private static final long DAY = 86_400_000L;
  private static final AtomicInteger H2_STORES = new AtomicInteger();

  private String url;
  private String user;
  private String password;
  private Connection db;
  private int ids;

  @BeforeEach
  void emptyStore() throws SQLException {
    if (POSTGRES) {
      url = PG_URL;
      user = PG_USER;
      password = PG_PASSWORD;
      try (Connection admin = DriverManager.getConnection(PG_URL, user, password);
          Statement sql = admin.createStatement()) {
        sql.execute("drop schema if exists " + SCHEMA + " cascade");
        sql.execute("create schema " + SCHEMA);
      }
    } else {
      url = "jdbc:h2:mem:partitioned_store_" + H2_STORES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
      user = "sa";
      password = "";
    }
    db = DriverManager.getConnection(url, user, password);
  }

  @AfterEach
  void close() throws SQLException {
    db.close();
  }

  private FluentConfiguration flyway() {
    FluentConfiguration flyway = SchemaMigration.migrations().dataSource(url, user, password);
    return POSTGRES ? flyway.schemas(SCHEMA) : flyway;
  }

  @Test
  void anExistingStoreKeepsEveryRowWhenItMovesToTheNewLayout() throws SQLException {
    flyway().target("8").load().migrate();
    long today = Math.floorDiv(System.currentTimeMillis(), DAY) * DAY;
    Map<Long, Integer> spansByDay = new LinkedHashMap<>();
    for (int day = -3; day <= 1; day++) {
      long start = today + day * DAY;
      for (int run = 0; run < 20; run++) {
        String trace = run(start + run * 60_000L, start + run * 60_000L + 5_000);
        for (int span = 0; span < 10; span++) {
          span(trace, start + run * 60_000L + span);
        }
      }
      spansByDay.put(start, 200);
    }
    String ancient = run(Instant.parse("2001-09-09T01:46:40Z").toEpochMilli(), null);
    span(ancient, Instant.parse("2001-09-09T01:46:40Z").toEpochMilli());
    assertThat(count("spans")).isEqualTo(1_001);
    assertThat(count("runs")).isEqualTo(101);

    flyway().load().migrate();

    assertThat(count("spans")).isEqualTo(1_001);
    assertThat(count("runs")).isEqualTo(101);
    PartitionCatalog catalog = new PartitionCatalog(db);
    assertThat(catalog.isPartitioned(PartitionedTable.SPANS)).isEqualTo(POSTGRES);
    assertThat(catalog.isPartitioned(PartitionedTable.RUNS)).isEqualTo(POSTGRES);
    if (POSTGRES) {
      Map<String, Long> rows = rowsByPartition("spans");
      spansByDay.forEach(
          (day, spans) ->
              assertThat(rows.get(PartitionInterval.DAILY.partitionName("spans", day)))
                  .as("spans of %s", Instant.ofEpochMilli(day))
                  .isEqualTo((long) spans));
      assertThat(rows.get("spans_default")).isEqualTo(1);
      assertThat(rowsByPartition("runs").get("runs_default")).isEqualTo(1);
    }
  }

  @Test
  void spansLandInTheirDaysPartitionAcrossADayBoundary() throws SQLException {
    flyway().load().migrate();
    long midnight = Math.floorDiv(System.currentTimeMillis(), DAY) * DAY;
    String trace = run(midnight - 1, midnight + 1);
    String before = span(trace, midnight - 1);
    String after = span(trace, midnight);

    assertThat(count("spans")).isEqualTo(2);
    if (POSTGRES) {
      assertThat(partitionOf(before))
          .isEqualTo(PartitionInterval.DAILY.partitionName("spans", midnight - DAY));
      assertThat(partitionOf(after))
          .isEqualTo(PartitionInterval.DAILY.partitionName("spans", midnight));
    }
  }

  @Test
  void aSpanOlderThanEveryPartitionIsStored() throws SQLException {
    flyway().load().migrate();
    String trace = run(0, 1L);
    String span = span(trace, 0);

    assertThat(count("spans")).isEqualTo(1);
    assertThat(count("runs")).isEqualTo(1);
    if (POSTGRES) {
      assertThat(partitionOf(span)).isEqualTo("spans_default");
    }
  }

  @Test
  void aPartitionMadeLaterTakesTheRowsTheDefaultPartitionHeldOfItsDay() throws SQLException {
    assumeTrue(POSTGRES, "H2 keeps plain tables: it has no partitions to make");
    flyway().load().migrate();
    long day = Math.floorDiv(System.currentTimeMillis(), DAY) * DAY + 20 * DAY;
    String trace = run(day + 1_000, null);
    String span = span(trace, day + 1_000);
    String later = span(trace, day + DAY + 1_000); // the day after: stays in the default
    assertThat(partitionOf(span)).isEqualTo("spans_default");

    new PartitionCatalog(db)
        .create(
            PartitionedTable.SPANS,
            PartitionInterval.DAILY.partitionName("spans", day),
            day,
            day + DAY);

    assertThat(partitionOf(span)).isEqualTo(PartitionInterval.DAILY.partitionName("spans", day));
    assertThat(partitionOf(later)).isEqualTo("spans_default");
    assertThat(count("spans")).isEqualTo(2);
  }

  /**
   * Without the CREATE privilege (as when the database user is not the tables' owner) a partition
   * cannot be made: the attempt fails in its transaction, which the server's partition maintenance
   * rolls back, logs and counts; the day's rows stay in the default partition, and move into their
   * partition once the privilege is back and it is made.
   */
  @Test
  void aPartitionTheUserMayNotMakeLeavesItsRowsInTheDefaultPartition() throws SQLException {
    assumeTrue(POSTGRES, "H2 keeps plain tables: it has no partitions to make");
    flyway().load().migrate();
    long day = Math.floorDiv(System.currentTimeMillis(), DAY) * DAY + 30 * DAY;
    String name = PartitionInterval.DAILY.partitionName("spans", day);
    String span = span(run(day + 1_000, null), day + 1_000);
    assertThat(partitionOf(span)).isEqualTo("spans_default");
    PartitionCatalog catalog = new PartitionCatalog(db);
    try (Statement sql = db.createStatement()) {
      sql.execute("revoke create on schema " + SCHEMA + " from current_user");
    }
    try {
      db.setAutoCommit(false);
      SQLException refused = null;
      try {
        catalog.create(PartitionedTable.SPANS, name, day, day + DAY);
      } catch (SQLException e) {
        refused = e;
      }
      db.rollback();
      db.setAutoCommit(true);
      assertThat((Throwable) refused)
          .as("making %s without the CREATE privilege", name)
          .hasMessageContaining("permission denied");
      assertThat(partitionOf(span)).isEqualTo("spans_default");
      String another = span(run(day + 2_000, null), day + 2_000);
      assertThat(partitionOf(another)).isEqualTo("spans_default");
    } finally {
      db.setAutoCommit(true);
      try (Statement sql = db.createStatement()) {
        sql.execute("grant create on schema " + SCHEMA + " to current_user");
      }
    }

    catalog.create(PartitionedTable.SPANS, name, day, day + DAY);
    assertThat(partitionOf(span)).isEqualTo(name);
    assertThat(count("spans")).isEqualTo(2);
  }

  @Test
  void droppingADayOfRunsTakesTheSpansItsRunsLeftInTheNextDay() throws SQLException {
    assumeTrue(POSTGRES, "H2 keeps plain tables: retention deletes rows there");
    flyway().load().migrate();
    PartitionCatalog catalog = new PartitionCatalog(db);
    long first = Math.floorDiv(System.currentTimeMillis(), DAY) * DAY - 40 * DAY;
    for (PartitionedTable table : PartitionedTable.values()) {
      for (long day : List.of(first, first + DAY)) {
        catalog.create(
            table, PartitionInterval.DAILY.partitionName(table.table(), day), day, day + DAY);
      }
    }
    String early = run(first + 3_600_000, first + 3_700_000);
    span(early, first + 3_600_000);
    String acrossMidnight = run(first + DAY - 1_000, first + DAY + 5_000);
    span(acrossMidnight, first + DAY - 1_000);
    span(acrossMidnight, first + DAY + 1_000);
    String nextDay = run(first + DAY + 3_600_000, first + DAY + 3_700_000);
    String kept = span(nextDay, first + DAY + 3_600_000);

    for (PartitionedTable table : List.of(PartitionedTable.RUNS, PartitionedTable.SPANS)) {
      for (Partition partition : catalog.partitions(table)) {
        if (partition.endsBefore(first + DAY)) {
          catalog.drop(partition);
        }
      }
    }

    assertThat(count("runs")).isEqualTo(1);
    assertThat(count("spans")).isEqualTo(1);
    assertThat(partitionOf(kept))
        .isEqualTo(PartitionInterval.DAILY.partitionName("spans", first + DAY));
    assertThat(catalog.partitions(PartitionedTable.SPANS))
        .extracting(Partition::name)
        .doesNotContain(PartitionInterval.DAILY.partitionName("spans", first));
  }

  /** Inserts a run started at {@code startedAt}; answers its trace id. */
  private String run(long startedAt, Long endedAt) throws SQLException {
    String id = String.format("%032x", ++ids);
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into runs (run_id, trace_id, workflow_id, workflow_version, status,"
                + " run_trigger, started_at, ended_at) values (?, ?, 'w', 1, ?, 'api', ?, ?)")) {
      insert.setString(1, "run-" + id);
      insert.setString(2, id);
      insert.setString(3, endedAt == null ? "RUNNING" : "SUCCEEDED");
      insert.setLong(4, startedAt);
      if (endedAt == null) {
        insert.setNull(5, java.sql.Types.BIGINT);
      } else {
        insert.setLong(5, endedAt);
      }
      insert.executeUpdate();
    }
    return id;
  }

  /** Inserts a span of {@code trace} that started at {@code startMillis}; answers its id. */
  private String span(String trace, long startMillis) throws SQLException {
    String id = String.format("%016x", ++ids);
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into spans (trace_id, span_id, name, kind, status_code, start_nanos,"
                + " end_nanos, attributes, events, links) values"
                + " (?, ?, 'n', 'INTERNAL', 'OK', ?, ?, '{}', '[]', '[]')")) {
      insert.setString(1, trace);
      insert.setString(2, id);
      insert.setLong(3, startMillis * 1_000_000L);
      insert.setLong(4, startMillis * 1_000_000L + 1);
      insert.executeUpdate();
    }
    return id;
  }

  private long count(String table) throws SQLException {
    try (Statement sql = db.createStatement();
        ResultSet rows = sql.executeQuery("select count(*) from " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private String partitionOf(String spanId) throws SQLException {
    try (PreparedStatement query =
        db.prepareStatement("select tableoid::regclass::text from spans where span_id = ?")) {
      query.setString(1, spanId);
      try (ResultSet rows = query.executeQuery()) {
        assertThat(rows.next()).as("span %s stored", spanId).isTrue();
        return rows.getString(1).replace(SCHEMA + ".", "");
      }
    }
  }

  private Map<String, Long> rowsByPartition(String table) throws SQLException {
    Map<String, Long> rows = new LinkedHashMap<>();
    try (Statement sql = db.createStatement();
        ResultSet result =
            sql.executeQuery(
                "select tableoid::regclass::text, count(*) from " + table + " group by 1")) {
      while (result.next()) {
        rows.put(result.getString(1).replace(SCHEMA + ".", ""), result.getLong(2));
      }
    }
    return rows;
  }
}
