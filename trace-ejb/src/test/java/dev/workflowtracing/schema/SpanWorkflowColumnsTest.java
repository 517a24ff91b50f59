package dev.workflowtracing.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/**
 * An installation upgraded from schema 19 finds the spans it already holds by workflow and version:
 * our own spans take their run's, foreign ones stay without.
 */
class SpanWorkflowColumnsTest {

  private static final String URL = "jdbc:h2:mem:span-workflow-columns;DB_CLOSE_DELAY=-1";

  @Test
  void storedSpansTakeTheirRunsWorkflowAndVersion() throws SQLException {
    flyway().target("19").load().migrate();
    try (Connection db = DriverManager.getConnection(URL, "sa", "");
        Statement sql = db.createStatement()) {
      sql.execute(
          "insert into runs (run_id, trace_id, workflow_id, workflow_version, status,"
              + " run_trigger, started_at) values"
              + " ('r1', 't1', 'branching', 3, 'SUCCEEDED', 'api', 0),"
              + " ('r2', 't2', 'hello-llm', 1, 'FAILED', 'api', 0)");
      sql.execute(
          "insert into spans (trace_id, span_id, name, kind, status_code, start_nanos, end_nanos,"
              + " node_id, span_role, attributes, events, links, foreign_span) values"
              + " ('t1', 'a', 'run branching', 'INTERNAL', 'OK', 0, 1, null, 'run', '{}', '[]',"
              + " '[]', false),"
              + " ('t1', 'b', 'node check', 'INTERNAL', 'OK', 0, 1, 'check', 'node', '{}', '[]',"
              + " '[]', false),"
              + " ('t1', 'c', 'GET /x', 'SERVER', 'OK', 0, 1, null, null, '{}', '[]', '[]', true),"
              + " ('t2', 'a', 'run hello-llm', 'INTERNAL', 'ERROR', 0, 1, null, 'run', '{}', '[]',"
              + " '[]', false),"
              + " ('t3', 'a', 'orphan', 'INTERNAL', 'OK', 0, 1, null, null, '{}', '[]', '[]',"
              + " false)");

      flyway().load().migrate();

      assertThat(columns(sql))
          .containsExactly(
              "t1/a branching 3",
              "t1/b branching 3",
              "t1/c null null",
              "t2/a hello-llm 1",
              "t3/a null null");
      ResultSet index =
          sql.executeQuery(
              "select count(*) from information_schema.indexes"
                  + " where index_name = 'SPANS_WORKFLOW_NODE'");
      index.next();
      assertThat(index.getInt(1)).isEqualTo(1);
    }
  }

  private static List<String> columns(Statement sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet r =
        sql.executeQuery(
            "select trace_id, span_id, workflow_id, workflow_version from spans"
                + " order by trace_id, span_id")) {
      while (r.next()) {
        rows.add(
            r.getString(1)
                + "/"
                + r.getString(2)
                + " "
                + r.getString(3)
                + " "
                + (r.getObject(4) == null ? "null" : r.getInt(4)));
      }
    }
    return rows;
  }

  private static FluentConfiguration flyway() {
    return SchemaMigration.migrations().dataSource(URL, "sa", "");
  }
}
