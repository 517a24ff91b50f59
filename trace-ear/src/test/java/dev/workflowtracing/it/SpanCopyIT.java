package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.workflowtracing.instrumentation.ExporterStats;
import dev.workflowtracing.instrumentation.FinishedSpans;
import dev.workflowtracing.instrumentation.PersistingSpanExporter;
import dev.workflowtracing.instrumentation.SpanSink;
import dev.workflowtracing.schema.SchemaMigration;
import dev.workflowtracing.spans.FinishedSpan;
import dev.workflowtracing.tracestore.IndexedAttributes;
import dev.workflowtracing.tracestore.SpanWriter;
import dev.workflowtracing.tracestore.StorageFailures;
import dev.workflowtracing.tracestore.partitions.PartitionInterval;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Span rows written with COPY ({@code tracing.persistence.copy}) are the rows batched inserts
 * write, to the character, whatever the text holds; a batch COPY refuses fails whole, so that the
 * exporter writes it span by span; a COPY cut off by the database (its server process ended, as in
 * a restart) is retried whole by the exporter, and no span is lost. On a schema of its own,
 * migrated by the application.
 */
class SpanCopyIT {

  private static final String SCHEMA = "span_copy_it";
  private static final String URL =
      "jdbc:postgresql://localhost:5432/workflow_tracing?currentSchema=" + SCHEMA;
  private static final String USER = "workflow_tracing";
  private static final String PASSWORD =
      System.getenv().getOrDefault("TRACE_DB_PASSWORD", "workflow_tracing");
  private static final String[] COLUMNS = {
    "parent_span_id",
    "name",
    "kind",
    "status_code",
    "status_message",
    "start_nanos",
    "end_nanos",
    "node_id",
    "span_role",
    "attributes",
    "events",
    "links",
    "artifacts"
  };

  private Connection db;

  @BeforeEach
  void emptyStore() throws SQLException {
    assumeTrue("postgres".equals(System.getProperty("it.db")), "COPY is PostgreSQL's");
    try (Connection admin = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement sql = admin.createStatement()) {
      sql.execute("drop schema if exists " + SCHEMA + " cascade");
      sql.execute("create schema " + SCHEMA);
    }
    SchemaMigration.migrations().dataSource(URL, USER, PASSWORD).schemas(SCHEMA).load().migrate();
    db = DriverManager.getConnection(URL, USER, PASSWORD);
    db.setAutoCommit(false);
  }

  @AfterEach
  void close() throws SQLException {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void copiedRowsAreTheRowsInsertsWrite() throws SQLException {
    List<SpanData> batch = spans();
    SpanWriter.write(db, FinishedSpans.of(batch), options(false));
    db.commit();
    List<List<String>> inserted = rows(batch);
    try (Statement sql = db.createStatement()) {
      sql.execute("delete from spans");
    }
    SpanWriter.write(db, FinishedSpans.of(batch), options(true));
    db.commit();

    assertThat(rows(batch)).containsExactlyElementsOf(inserted);
    assertThat(inserted)
        .extracting(row -> row.get(1))
        .contains("tab\there, newline\nthere, \\back\\slash");
  }

  @Test
  void aBatchCopyRefusesFailsWhole() throws SQLException {
    List<SpanData> batch = spans();
    SpanWriter.write(db, FinishedSpans.of(batch), options(true));
    db.commit();

    assertThatThrownBy(() -> SpanWriter.write(db, FinishedSpans.of(batch), options(true)))
        .isInstanceOf(SQLException.class);
    db.rollback();
    try (Statement sql = db.createStatement();
        ResultSet rows = sql.executeQuery("select count(*) from spans")) {
      rows.next();
      assertThat(rows.getLong(1)).isEqualTo(batch.size());
    }
  }

  /**
   * The COPY is held inside the database (another session locks today's partition, where its rows
   * go), then its server process is ended, as a restart of PostgreSQL ends it; the exporter the
   * server runs takes the failure as transient, keeps the batch, and its retry stores every span
   * once.
   */
  @Test
  void aCopyCutOffByTheDatabaseIsRetriedWhole() throws Exception {
    List<SpanData> batch = spans();
    ExporterStats stats = new ExporterStats("database");
    PersistingSpanExporter exporter =
        PersistingSpanExporter.create(new FreshConnectionSink(), 10_000, Long.MAX_VALUE, stats);
    CompletableFuture<Void> export;
    try (Connection locker = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement sql = locker.createStatement()) {
      locker.setAutoCommit(false);
      long now = System.currentTimeMillis();
      String today =
          PartitionInterval.DAILY.partitionName("spans", PartitionInterval.DAILY.floor(now));
      sql.execute("lock table " + today + " in access exclusive mode");
      export = CompletableFuture.runAsync(() -> exporter.export(batch));
      int copier = waitForCopyWaitingOnLock(sql);
      try (ResultSet ended = sql.executeQuery("select pg_terminate_backend(" + copier + ")")) {
        ended.next();
        assertThat(ended.getBoolean(1)).isTrue();
      }
      locker.rollback();
    }
    export.get(30, TimeUnit.SECONDS);
    assertThat(stats.failed()).as("spans of the write that was cut off").isEqualTo(batch.size());
    assertThat(exporter.pendingSpans()).as("kept for the retry").isEqualTo(batch.size());

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (exporter.pendingSpans() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
      exporter.retryPending();
    }
    assertThat(exporter.pendingSpans()).isZero();
    assertThat(stats.dropped()).isZero();
    assertThat(stats.exported()).isEqualTo(batch.size());
    try (Statement sql = db.createStatement();
        ResultSet rows = sql.executeQuery("select count(*), count(distinct span_id) from spans")) {
      rows.next();
      assertThat(rows.getLong(1)).isEqualTo(batch.size());
      assertThat(rows.getLong(2)).isEqualTo(batch.size());
    }
    exporter.shutdown();
  }

  /** The process id of the session whose COPY waits for a lock. */
  private static int waitForCopyWaitingOnLock(Statement sql) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      // In a transaction the statistics views keep the first snapshot they gave unless cleared.
      sql.execute("select pg_stat_clear_snapshot()");
      try (ResultSet waiting =
          sql.executeQuery(
              "select pid from pg_stat_activity where wait_event_type = 'Lock'"
                  + " and query ilike 'copy %' and pid <> pg_backend_pid()")) {
        if (waiting.next()) {
          return waiting.getInt(1);
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no COPY waited for the lock within 30 s");
  }

  /**
   * Stores with COPY on a new connection each time, as the server's pool hands out a working one
   * after a connection is lost; tells transient failures as the server's sink does.
   */
  private static final class FreshConnectionSink implements SpanSink {
    @Override
    public void store(Collection<FinishedSpan> spans) {
      try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
        connection.setAutoCommit(false);
        SpanWriter.write(connection, spans, options(true));
        connection.commit();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public boolean isTransient(RuntimeException failure) {
      return StorageFailures.isTransient(failure, FreshConnectionSink::answers);
    }

    private static boolean answers() {
      try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
        return connection.isValid(2);
      } catch (SQLException e) {
        return false;
      }
    }
  }

  private static SpanWriter.Options options(boolean copy) {
    return new SpanWriter.Options(65_536, IndexedAttributes.parse("none"), false, copy);
  }

  /** A root and two children whose texts hold what COPY's text format must escape. */
  private static List<SpanData> spans() {
    List<SpanData> ended = new ArrayList<>();
    SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new Collecting(ended)))
            .build();
    Tracer tracer = provider.get("span-copy-it");
    Span root = tracer.spanBuilder("tab\there, newline\nthere, \\back\\slash").startSpan();
    try (var scope = root.makeCurrent()) {
      Span child =
          tracer
              .spanBuilder("llm")
              .setAttribute("gen_ai.prompt", "Say \"hi\"\r\n\tüñí©ødé ✓ \\N")
              .setAttribute(AttributeKey.longKey("gen_ai.usage.input_tokens"), 23L)
              .startSpan();
      child.addEvent("workflow.artifact", Attributes.of(AttributeKey.stringKey("content"), "a\\b"));
      child.setStatus(StatusCode.ERROR, "failed:\ttimeout\n");
      child.end();
      tracer.spanBuilder("empty").setAttribute("empty", "").startSpan().end();
    }
    root.end();
    provider.close();
    return ended;
  }

  private List<List<String>> rows(List<SpanData> spans) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    for (SpanData span : spans) {
      rows.add(row(span));
    }
    return rows;
  }

  private List<String> row(SpanData span) throws SQLException {
    try (PreparedStatement query =
        db.prepareStatement(
            "select " + String.join(", ", COLUMNS) + " from spans where span_id = ?")) {
      query.setString(1, span.getSpanId());
      try (ResultSet rows = query.executeQuery()) {
        assertThat(rows.next()).isTrue();
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= COLUMNS.length; i++) {
          values.add(rows.getString(i));
        }
        return values;
      }
    }
  }

  private record Collecting(List<SpanData> spans) implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> batch) {
      spans.addAll(batch);
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
