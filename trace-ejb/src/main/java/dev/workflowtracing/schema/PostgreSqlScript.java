package dev.workflowtracing.schema;

import dev.workflowtracing.tracestore.partitions.PartitionCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A migration for PostgreSQL only, a SQL script in {@code db/postgresql/} (what H2 cannot do, such
 * as an index on an expression); on H2 it is recorded as applied and does nothing. Statements end
 * with {@code ;} at the end of a line; lines starting with {@code --} are comments.
 */
final class PostgreSqlScript implements JavaMigration {

  private final String version;
  private final String description;
  private final List<String> statements;
  private final int checksum;

  /** The script {@code db/postgresql/V<version>__<description with _ for spaces>.sql}. */
  PostgreSqlScript(String version, String description) {
    this.version = version;
    this.description = description;
    String script =
        read("db/postgresql/V" + version + "__" + description.replace(' ', '_') + ".sql");
    CRC32 crc = new CRC32();
    crc.update(script.getBytes(StandardCharsets.UTF_8));
    this.checksum = (int) crc.getValue();
    this.statements =
        Arrays.stream(
                script
                    .lines()
                    .filter(line -> !line.stripLeading().startsWith("--"))
                    .reduce("", (all, line) -> all + line + "\n")
                    .split(";\\s*\n"))
            .map(String::strip)
            .filter(statement -> !statement.isEmpty())
            .toList();
  }

  private static String read(String resource) {
    try (InputStream in = PostgreSqlScript.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("No migration script " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion(version);
  }

  @Override
  public String getDescription() {
    return description + " (PostgreSQL)";
  }

  @Override
  public Integer getChecksum() {
    return checksum;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    if (!PartitionCatalog.isPostgreSql(context.getConnection())) {
      return;
    }
    try (Statement sql = context.getConnection().createStatement()) {
      for (String statement : statements) {
        sql.execute(statement);
      }
    }
  }
}
