package dev.workflowtracing.tracestore;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Span rows into PostgreSQL with {@code COPY … FROM STDIN} (text format) instead of batched inserts
 * ({@code tracing.persistence.copy}): one statement streams the whole batch, which the server
 * parses without a bind step per row (docs/performance.md has the ratio). PostgreSQL only: the
 * driver's classes are loaded only when this is used. A row COPY refuses fails the whole batch,
 * which the exporter then writes span by span (repaired or set aside, as for inserts).
 */
final class SpanCopy {

  private SpanCopy() {}

  /** One row per span, with the artifacts column's JSON of each. */
  record Row(SpanRecord span, String artifacts) {}

  /** The connection gives no PostgreSQL driver to COPY with (it is not visible, or not there). */
  static final class Unavailable extends Exception {
    Unavailable(Throwable cause) {
      super("COPY is unavailable: " + cause, cause);
    }
  }

  /**
   * The driver under a pooled connection. Only this class names the driver's types, so that nothing
   * else needs them loaded (a server on H2 has no PostgreSQL driver).
   */
  static final class Driver {
    private final PGConnection connection;

    private Driver(PGConnection connection) {
      this.connection = connection;
    }
  }

  /**
   * The driver's COPY interface on this connection, or {@link Unavailable} when the deployment
   * cannot see the driver (no {@code org.postgresql} module) or the pool does not unwrap to it.
   */
  static Driver driver(Connection connection) throws Unavailable {
    try {
      return new Driver(connection.unwrap(PGConnection.class));
    } catch (SQLException | LinkageError e) {
      throw new Unavailable(e);
    }
  }

  static void write(Driver driver, List<Row> rows) throws SQLException {
    StringBuilder text = new StringBuilder(rows.size() * 1024);
    for (Row row : rows) {
      SpanRecord span = row.span();
      field(text, span.getTraceId()).append('\t');
      field(text, span.getSpanId()).append('\t');
      field(text, span.getParentSpanId()).append('\t');
      field(text, span.getName()).append('\t');
      field(text, span.getKind()).append('\t');
      field(text, span.getStatusCode()).append('\t');
      field(text, span.getStatusMessage()).append('\t');
      text.append(span.getStartNanos()).append('\t');
      text.append(span.getEndNanos()).append('\t');
      field(text, span.getNodeId()).append('\t');
      field(text, span.getRole()).append('\t');
      field(text, span.getAttributes()).append('\t');
      field(text, span.getEvents()).append('\t');
      field(text, span.getLinks()).append('\t');
      field(text, row.artifacts()).append('\t');
      StoredSource source = span.getSource();
      field(text, source.getServiceName()).append('\t');
      field(text, source.getServiceInstanceId()).append('\t');
      field(text, source.getScopeName()).append('\t');
      field(text, source.getScopeVersion()).append('\t');
      field(text, source.getResource()).append('\t');
      text.append(source.isForeign() ? 't' : 'f').append('\t');
      field(text, span.getWorkflowId()).append('\t');
      Integer version = span.getWorkflowVersion();
      (version == null ? text.append("\\N") : text.append(version.intValue())).append('\n');
    }
    try {
      driver
          .connection
          .getCopyAPI()
          .copyIn(
              "copy spans (" + SpanWriter.SPAN_COLUMNS + ") from stdin (format text)",
              new StringReader(text.toString()));
    } catch (IOException e) {
      throw new SQLException("COPY of " + rows.size() + " spans failed: " + e.getMessage(), e);
    }
  }

  /** A value in COPY's text format: \N for null; backslash, tab, newline and return escaped. */
  static StringBuilder field(StringBuilder text, String value) {
    if (value == null) {
      return text.append("\\N");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> text.append("\\\\");
        case '\t' -> text.append("\\t");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        default -> text.append(c);
      }
    }
    return text;
  }
}
