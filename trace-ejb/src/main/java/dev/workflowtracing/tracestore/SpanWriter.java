package dev.workflowtracing.tracestore;

import dev.workflowtracing.spans.FinishedSpan;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.hibernate.Session;

/**
 * Writes a batch of spans on the EntityManager's connection, inside the caller's transaction: the
 * whole of what {@link SpanStore} does, kept apart so the persistence benchmark measures this very
 * code.
 *
 * <p>Plain JDBC batches rather than {@code persist}: the rows are insert-only and never read back
 * in this transaction, so Hibernate's persistence context (entity copies, flush-time dirty checks)
 * was pure cost, the largest single part of tracing's overhead under load (docs/performance.md).
 * The entities still map these tables for every read.
 */
public final class SpanWriter {

  /** The span row's columns, in the order both the insert and COPY give them. */
  static final String SPAN_COLUMNS =
      "trace_id, span_id, parent_span_id, name, kind, status_code, status_message, start_nanos,"
          + " end_nanos, node_id, span_role, attributes, events, links, artifacts, service_name,"
          + " service_instance_id, scope_name, scope_version, resource, foreign_span, workflow_id,"
          + " workflow_version";

  private static final String INSERT_SPAN =
      "insert into spans ("
          + SPAN_COLUMNS
          + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_ATTRIBUTE =
      "insert into span_attributes (trace_id, span_id, attr_key, attr_value) values (?, ?, ?, ?)";

  // Spans are telemetry: on PostgreSQL their transactions need not wait for the WAL flush. A
  // database crash (not a server crash) can lose the last ~0.6 s of committed span batches, never
  // corrupt anything; the flush was the largest single wait of the write path (performance.md).
  private static final String ASYNCHRONOUS_COMMIT = "set local synchronous_commit = off";

  /**
   * How spans are written: artifact length cap, attribute keys written as rows, whether span
   * transactions commit without waiting for the disk ({@code
   * tracing.persistence.asynchronous-commit}) and whether span rows go in with COPY ({@code
   * tracing.persistence.copy}); the last two on PostgreSQL only.
   */
  public record Options(
      int maxArtifactLength, IndexedAttributes indexed, boolean asynchronousCommit, boolean copy) {

    /** Batched inserts, also on PostgreSQL. */
    public Options(int maxArtifactLength, IndexedAttributes indexed, boolean asynchronousCommit) {
      this(maxArtifactLength, indexed, asynchronousCommit, false);
    }
  }

  private static final Logger LOG = Logger.getLogger(SpanWriter.class.getName());
  private static final AtomicBoolean COPY_AVAILABLE = new AtomicBoolean(true);

  private SpanWriter() {}

  public static void write(EntityManager em, Collection<FinishedSpan> spans, Options options) {
    em.unwrap(Session.class).doWork(connection -> write(connection, spans, options));
  }

  /** The same on a plain connection, in the caller's transaction (the benchmark's baseline). */
  public static void write(Connection connection, Collection<FinishedSpan> spans, Options options)
      throws SQLException {
    boolean postgres = isPostgreSql(connection);
    if (options.asynchronousCommit() && postgres) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(ASYNCHRONOUS_COMMIT);
      }
    }
    SpanCopy.Driver copy = options.copy() && postgres ? copyDriver(connection) : null;
    List<SpanCopy.Row> copied = new ArrayList<>(copy == null ? 0 : spans.size());
    // Without COPY the span rows are a batch of inserts (a null resource is not closed).
    try (PreparedStatement spanRows =
            copy == null ? connection.prepareStatement(INSERT_SPAN) : null;
        PreparedStatement attributeRows = connection.prepareStatement(INSERT_ATTRIBUTE)) {
      for (FinishedSpan data : spans) {
        SpanRows rows = SpanRows.of(data, options.maxArtifactLength(), options.indexed());
        String artifacts = StoredArtifact.toJson(rows.artifacts());
        if (copy == null) {
          addSpan(spanRows, rows.span(), artifacts);
        } else {
          copied.add(new SpanCopy.Row(rows.span(), artifacts));
        }
        for (SpanAttributeRecord attribute : rows.attributes()) {
          addAttribute(attributeRows, rows.span(), attribute);
        }
      }
      if (copy == null) {
        spanRows.executeBatch();
      } else {
        SpanCopy.write(copy, copied);
      }
      attributeRows.executeBatch();
    }
  }

  /** The driver's COPY, or null (inserts) once it turned out unreachable from this deployment. */
  private static SpanCopy.Driver copyDriver(Connection connection) {
    if (!COPY_AVAILABLE.get()) {
      return null;
    }
    try {
      return SpanCopy.driver(connection);
    } catch (SpanCopy.Unavailable e) {
      // Once: inserts do the same work.
      if (COPY_AVAILABLE.getAndSet(false)) {
        LOG.warning(e.getMessage() + "; span rows are written with batched inserts instead");
      }
      return null;
    }
  }

  private static boolean isPostgreSql(Connection connection) throws SQLException {
    return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
  }

  private static void addSpan(PreparedStatement statement, SpanRecord span, String artifacts)
      throws SQLException {
    statement.setString(1, span.getTraceId());
    statement.setString(2, span.getSpanId());
    statement.setString(3, span.getParentSpanId());
    statement.setString(4, span.getName());
    statement.setString(5, span.getKind());
    statement.setString(6, span.getStatusCode());
    statement.setString(7, span.getStatusMessage());
    statement.setLong(8, span.getStartNanos());
    statement.setLong(9, span.getEndNanos());
    statement.setString(10, span.getNodeId());
    statement.setString(11, span.getRole());
    statement.setString(12, span.getAttributes());
    statement.setString(13, span.getEvents());
    statement.setString(14, span.getLinks());
    statement.setString(15, artifacts);
    StoredSource source = span.getSource();
    statement.setString(16, source.getServiceName());
    statement.setString(17, source.getServiceInstanceId());
    statement.setString(18, source.getScopeName());
    statement.setString(19, source.getScopeVersion());
    statement.setString(20, source.getResource());
    statement.setBoolean(21, source.isForeign());
    statement.setString(22, span.getWorkflowId());
    if (span.getWorkflowVersion() == null) {
      statement.setNull(23, java.sql.Types.INTEGER);
    } else {
      statement.setInt(23, span.getWorkflowVersion());
    }
    statement.addBatch();
  }

  private static void addAttribute(
      PreparedStatement statement, SpanRecord span, SpanAttributeRecord attribute)
      throws SQLException {
    statement.setString(1, span.getTraceId());
    statement.setString(2, span.getSpanId());
    statement.setString(3, attribute.getKey());
    statement.setString(4, attribute.getValue());
    statement.addBatch();
  }
}
