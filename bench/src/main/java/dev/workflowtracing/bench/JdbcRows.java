package dev.workflowtracing.bench;

import dev.workflowtracing.instrumentation.FinishedSpans;
import dev.workflowtracing.tracestore.SpanWriter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * The application's span inserts ({@link SpanWriter}) on a plain JDBC connection, without the
 * exporter, the EntityManager and its transaction: the baseline the application path is compared
 * with, and the fast way to seed data (with run rows).
 */
final class JdbcRows implements AutoCloseable {

  private final Connection connection;
  private final SpanWriter.Options options;
  private final PreparedStatement runs;

  JdbcRows(Connection connection, SpanWriter.Options options) throws SQLException {
    this.connection = connection;
    this.options = options;
    connection.setAutoCommit(false);
    runs =
        connection.prepareStatement(
            "insert into runs (run_id, trace_id, workflow_id, workflow_version, status, run_trigger,"
                + " started_at, ended_at, duration_ms, expected_span_count, inputs, outputs)"
                + " values (?, ?, ?, 1, ?, 'bench', ?, ?, ?, ?, '{}', '{}')");
  }

  /** Inserts a batch of spans in one transaction, with the application's inserts. */
  void write(Collection<SpanData> batch) throws SQLException {
    SpanWriter.write(connection, FinishedSpans.of(batch), options);
    connection.commit();
  }

  /**
   * A run row for trace n, started at {@code startedAt}: one run in ten of each workflow FAILED
   * (the workflow is {@code n % 10}, the status {@code n / 10 % 10}), lasting 50 to 549 ms.
   */
  void addRun(long n, long startedAt, int spanCount) throws SQLException {
    runs.setString(1, SyntheticTraces.runId(n));
    runs.setString(2, SyntheticTraces.traceId(n));
    runs.setString(3, SyntheticTraces.workflowId(n));
    runs.setString(4, n / 10 % 10 == 3 ? "FAILED" : "SUCCEEDED");
    runs.setLong(5, startedAt);
    runs.setLong(6, startedAt + 50 + n % 500);
    runs.setLong(7, 50 + n % 500);
    runs.setInt(8, spanCount);
    runs.addBatch();
  }

  void flushRuns() throws SQLException {
    runs.executeBatch();
    connection.commit();
  }

  /** The connection the rows go to, in their transaction. */
  Connection connection() {
    return connection;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
