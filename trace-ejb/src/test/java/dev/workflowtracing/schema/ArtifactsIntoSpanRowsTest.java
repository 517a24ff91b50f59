package dev.workflowtracing.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowtracing.tracestore.StoredArtifact;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/** An installation upgraded from schema 4 keeps the artifacts of the traces it already holds. */
class ArtifactsIntoSpanRowsTest {

  private static final String URL = "jdbc:h2:mem:migration;DB_CLOSE_DELAY=-1";

  @Test
  void artifactRowsMoveIntoTheirSpansInOrder() throws SQLException {
    flyway().target("4").load().migrate();
    try (Connection db = DriverManager.getConnection(URL, "sa", "");
        Statement sql = db.createStatement()) {
      sql.execute(span("t1", "s1") + "," + span("t1", "s2") + "," + span("t2", "s1"));
      sql.execute(
          "insert into artifacts values"
              + " ('t1', 's1', 1, 'response', 'text/plain', 'Hello!', 6, false),"
              + " ('t1', 's1', 0, 'prompt', 'text/plain', 'Say \"hi\"', 40, true),"
              + " ('t2', 's1', 0, 'input', 'application/json', '{}', 2, false)");

      flyway().load().migrate();

      assertThat(artifacts(sql, "t1", "s1"))
          .containsExactly(
              new StoredArtifact(0, "prompt", "text/plain", "Say \"hi\"", 40, true),
              new StoredArtifact(1, "response", "text/plain", "Hello!", 6, false));
      assertThat(artifacts(sql, "t1", "s2")).isEmpty();
      assertThat(artifacts(sql, "t2", "s1"))
          .containsExactly(new StoredArtifact(0, "input", "application/json", "{}", 2, false));
      ResultSet tables =
          sql.executeQuery(
              "select count(*) from information_schema.tables where table_name = 'ARTIFACTS'");
      tables.next();
      assertThat(tables.getInt(1)).isZero();
    }
  }

  private static FluentConfiguration flyway() {
    return SchemaMigration.migrations().dataSource(URL, "sa", "");
  }

  private static String span(String traceId, String spanId) {
    return (traceId.equals("t1") && spanId.equals("s1") ? "insert into spans values " : "")
        + "('"
        + traceId
        + "', '"
        + spanId
        + "', null, 'n', 'INTERNAL', 'OK', null, 0, 1, null, '{}', '[]', '[]')";
  }

  private static java.util.List<StoredArtifact> artifacts(
      Statement sql, String traceId, String spanId) throws SQLException {
    ResultSet row =
        sql.executeQuery(
            "select artifacts from spans where trace_id = '"
                + traceId
                + "' and span_id = '"
                + spanId
                + "'");
    assertThat(row.next()).isTrue();
    return StoredArtifact.fromJson(row.getString(1));
  }
}
