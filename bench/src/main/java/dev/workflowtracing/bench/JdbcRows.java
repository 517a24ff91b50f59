package dev.workflowtracing.bench;

import dev.workflowtracing.trace.ArtifactRecord;
import dev.workflowtracing.trace.IndexedAttributes;
import dev.workflowtracing.trace.SpanRecord;
import dev.workflowtracing.trace.SpanRows;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

/**
 * The same rows as the application writes (mapped by the same {@link SpanRows}), inserted with
 * plain JDBC batches: the baseline the JPA path is compared with, and the fast way to seed data.
 */
final class JdbcRows implements AutoCloseable {

  private final Connection connection;
  private final PreparedStatement spans;
  private final PreparedStatement attributes;
  private final PreparedStatement artifacts;
  private final PreparedStatement runs;

  private final IndexedAttributes indexed;
  private final boolean asynchronousCommit;

  /** {@code asynchronousCommit}: commit as the application's span writes do on PostgreSQL. */
  JdbcRows(Connection connection, IndexedAttributes indexed, boolean asynchronousCommit)
      throws SQLException {
    this.connection = connection;
    this.indexed = indexed;
    this.asynchronousCommit = asynchronousCommit;
    connection.setAutoCommit(false);
    spans =
        connection.prepareStatement(
            "insert into spans (trace_id, span_id, parent_span_id, name, kind, status_code, status_message,"
                + " start_nanos, end_nanos, node_id, attributes, events, links)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    attributes =
        connection.prepareStatement(
            "insert into span_attributes (trace_id, span_id, attr_key, attr_value) values (?, ?, ?, ?)");
    artifacts =
        connection.prepareStatement(
            "insert into artifacts (trace_id, span_id, seq, kind, content_type, content, original_length,"
                + " truncated) values (?, ?, ?, ?, ?, ?, ?, ?)");
    runs =
        connection.prepareStatement(
            "insert into runs (run_id, trace_id, workflow_id, workflow_version, status, run_trigger,"
                + " started_at, ended_at, duration_ms, span_count, expected_span_count, inputs, outputs)"
                + " values (?, ?, ?, 1, ?, 'bench', ?, ?, ?, ?, ?, '{}', '{}')");
  }

  /** Inserts a batch of spans in one transaction. */
  void write(Collection<SpanData> batch, int maxArtifactLength) throws SQLException {
    if (asynchronousCommit) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("set local synchronous_commit = off");
      }
    }
    for (SpanData data : batch) {
      SpanRows rows = SpanRows.of(data, maxArtifactLength, indexed);
      SpanRecord s = rows.span();
      spans.setString(1, s.getTraceId());
      spans.setString(2, s.getSpanId());
      spans.setString(3, s.getParentSpanId());
      spans.setString(4, s.getName());
      spans.setString(5, s.getKind());
      spans.setString(6, s.getStatusCode());
      spans.setString(7, s.getStatusMessage());
      spans.setLong(8, s.getStartNanos());
      spans.setLong(9, s.getEndNanos());
      spans.setString(10, s.getNodeId());
      spans.setString(11, s.getAttributes());
      spans.setString(12, s.getEvents());
      spans.setString(13, s.getLinks());
      spans.addBatch();
      for (var a : rows.attributes()) {
        attributes.setString(1, s.getTraceId());
        attributes.setString(2, s.getSpanId());
        attributes.setString(3, a.getKey());
        attributes.setString(4, a.getValue());
        attributes.addBatch();
      }
      for (ArtifactRecord a : rows.artifacts()) {
        artifacts.setString(1, s.getTraceId());
        artifacts.setString(2, s.getSpanId());
        artifacts.setInt(3, a.getSeq());
        artifacts.setString(4, a.getKind());
        artifacts.setString(5, a.getContentType());
        artifacts.setString(6, a.getContent());
        artifacts.setInt(7, a.getOriginalLength());
        artifacts.setBoolean(8, a.isTruncated());
        artifacts.addBatch();
      }
    }
    spans.executeBatch();
    attributes.executeBatch();
    artifacts.executeBatch();
    connection.commit();
  }

  /** A run row for trace n (10% FAILED), started at {@code startedAt}. */
  void addRun(long n, long startedAt, int spanCount) throws SQLException {
    runs.setString(1, SyntheticTraces.runId(n));
    runs.setString(2, SyntheticTraces.traceId(n));
    runs.setString(3, "bench-" + (n % 10));
    runs.setString(4, n % 10 == 3 ? "FAILED" : "SUCCEEDED");
    runs.setLong(5, startedAt);
    runs.setLong(6, startedAt + 50 + n % 500);
    runs.setLong(7, 50 + n % 500);
    runs.setInt(8, spanCount);
    runs.setInt(9, spanCount);
    runs.addBatch();
  }

  void flushRuns() throws SQLException {
    runs.executeBatch();
    connection.commit();
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
