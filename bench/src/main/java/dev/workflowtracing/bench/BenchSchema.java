package dev.workflowtracing.bench;

import dev.workflowtracing.schema.SchemaMigration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The benchmarks' own database emptied and migrated by the application's migrations. */
final class BenchSchema {

  private BenchSchema() {}

  /** Empties the public schema and migrates it to the latest version. */
  static void reset(String url, String user, String password) throws SQLException {
    reset(url, user, password, null);
  }

  /** The same, up to {@code targetVersion} (null: the latest). */
  static void reset(String url, String user, String password, String targetVersion)
      throws SQLException {
    try (Connection db = DriverManager.getConnection(url, user, password);
        Statement sql = db.createStatement()) {
      sql.execute("drop schema public cascade");
      sql.execute("create schema public");
    }
    var flyway = SchemaMigration.migrations().dataSource(url, user, password);
    (targetVersion == null ? flyway : flyway.target(targetVersion)).load().migrate();
  }
}
