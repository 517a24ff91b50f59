package dev.workflowtracing.schema;

import dev.workflowtracing.json.JsonFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Version 5: a span's artifacts move from rows of their own (table {@code artifacts}) into a JSON
 * column of the span's row, written in one insert with the span. Java, not SQL: the artifacts of a
 * database that already holds traces are carried over, and H2 and PostgreSQL share no SQL to build
 * JSON arrays.
 *
 * <p>The column's format is written here as it was at version 5, not through the live artifact
 * class: a migration must keep doing what it did when the classes it would use change.
 */
public class ArtifactsIntoSpanRows implements JavaMigration {

  private static final int FETCH_SIZE = 1000;

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("5");
  }

  @Override
  public String getDescription() {
    return "artifacts into span rows";
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
    try (Statement statement = connection.createStatement()) {
      statement.execute("alter table spans add column artifacts varchar(1000000)");
    }
    carryOver(connection);
    try (Statement statement = connection.createStatement()) {
      statement.execute("drop table artifacts");
    }
  }

  /** Rows in (trace, span, seq) order; each span's run of rows becomes its column's value. */
  private static void carryOver(Connection connection) throws SQLException {
    try (Statement select = connection.createStatement();
        PreparedStatement update =
            connection.prepareStatement(
                "update spans set artifacts = ? where trace_id = ? and span_id = ?")) {
      select.setFetchSize(FETCH_SIZE);
      ResultSet rows =
          select.executeQuery(
              "select trace_id, span_id, kind, content_type, content, original_length, truncated"
                  + " from artifacts order by trace_id, span_id, seq");
      String traceId = null;
      String spanId = null;
      List<Artifact> artifacts = new ArrayList<>();
      int pending = 0;
      while (rows.next()) {
        if (!rows.getString(1).equals(traceId) || !rows.getString(2).equals(spanId)) {
          pending += addUpdate(update, traceId, spanId, artifacts);
          traceId = rows.getString(1);
          spanId = rows.getString(2);
          artifacts = new ArrayList<>();
        }
        artifacts.add(
            new Artifact(
                rows.getString(3),
                rows.getString(4),
                rows.getString(5),
                rows.getInt(6),
                rows.getBoolean(7)));
        if (pending >= FETCH_SIZE) {
          update.executeBatch();
          pending = 0;
        }
      }
      addUpdate(update, traceId, spanId, artifacts);
      update.executeBatch();
    }
  }

  private static int addUpdate(
      PreparedStatement update, String traceId, String spanId, List<Artifact> artifacts)
      throws SQLException {
    if (traceId == null || artifacts.isEmpty()) {
      return 0;
    }
    update.setString(1, json(artifacts));
    update.setString(2, traceId);
    update.setString(3, spanId);
    update.addBatch();
    return 1;
  }

  /** An artifact as the column holds it at version 5. */
  private record Artifact(
      String kind, String contentType, String content, int originalLength, boolean truncated) {}

  private static final int COLUMN_LENGTH = 1_000_000;

  /** The column's text; while longer than the column, the longest content is halved. */
  private static String json(List<Artifact> artifacts) {
    List<Artifact> fitting = new ArrayList<>(artifacts);
    String json = write(fitting);
    while (json.length() > COLUMN_LENGTH && halveLongest(fitting)) {
      json = write(fitting);
    }
    return json;
  }

  private static boolean halveLongest(List<Artifact> artifacts) {
    int longest = 0;
    for (int i = 1; i < artifacts.size(); i++) {
      if (artifacts.get(i).content().length() > artifacts.get(longest).content().length()) {
        longest = i;
      }
    }
    Artifact a = artifacts.get(longest);
    int cut = a.content().length() / 2;
    if (a.content().isEmpty()) {
      return false;
    }
    if (cut > 0 && Character.isHighSurrogate(a.content().charAt(cut - 1))) {
      cut--;
    }
    artifacts.set(
        longest,
        new Artifact(
            a.kind(), a.contentType(), a.content().substring(0, cut), a.originalLength(), true));
    return true;
  }

  private static String write(List<Artifact> artifacts) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = JsonFactory.createGenerator(out)) {
      g.writeStartArray();
      for (Artifact a : artifacts) {
        g.writeStartObject()
            .write("kind", a.kind())
            .write("contentType", a.contentType())
            .write("content", a.content())
            .write("originalLength", a.originalLength())
            .write("truncated", a.truncated())
            .writeEnd();
      }
      g.writeEnd();
    }
    return out.toString();
  }
}
