package dev.workflowtracing.schema;

import dev.workflowtracing.tracestore.StoredArtifact;
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
      List<StoredArtifact> artifacts = new ArrayList<>();
      int pending = 0;
      while (rows.next()) {
        if (!rows.getString(1).equals(traceId) || !rows.getString(2).equals(spanId)) {
          pending += addUpdate(update, traceId, spanId, artifacts);
          traceId = rows.getString(1);
          spanId = rows.getString(2);
          artifacts = new ArrayList<>();
        }
        artifacts.add(
            new StoredArtifact(
                artifacts.size(),
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
      PreparedStatement update, String traceId, String spanId, List<StoredArtifact> artifacts)
      throws SQLException {
    if (traceId == null || artifacts.isEmpty()) {
      return 0;
    }
    update.setString(1, StoredArtifact.toJson(artifacts));
    update.setString(2, traceId);
    update.setString(3, spanId);
    update.addBatch();
    return 1;
  }
}
