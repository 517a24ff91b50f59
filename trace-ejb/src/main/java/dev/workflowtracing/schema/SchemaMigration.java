package dev.workflowtracing.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Brings the schema up to date before anything touches the tables. Flyway manages its own
 * transactions, hence bean-managed transactions; beans that use the tables {@code @DependsOn} it.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = "java:comp/DefaultDataSource")
  DataSource dataSource;

  /**
   * The schema's migrations, SQL and Java; the benchmarks and tests migrate with these too. Those
   * of {@code db/postgresql/} do something on PostgreSQL only (an index H2 cannot make).
   */
  public static FluentConfiguration migrations() {
    return Flyway.configure(SchemaMigration.class.getClassLoader())
        .locations("classpath:db/migration")
        .javaMigrations(
            new ArtifactsIntoSpanRows(),
            new PartitionByTime(),
            new PostgreSqlScript("10", "runs by duration"),
            new PostgreSqlScript("12", "runs by cost"),
            new PostgreSqlScript("14", "node rollups by time"),
            new PostgreSqlScript("21", "node executions index"));
  }

  @PostConstruct
  void migrate() {
    warnIfInMemory();
    var result = migrations().dataSource(dataSource).load().migrate();
    LOG.info(
        () ->
            "Schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)");
  }

  // A plain deployment on WildFly's ExampleDS keeps every trace in the heap and loses it at stop.
  private void warnIfInMemory() {
    try (Connection connection = dataSource.getConnection()) {
      String url = connection.getMetaData().getURL();
      if (url != null && url.startsWith("jdbc:h2:mem:")) {
        LOG.warning(
            "The default datasource is an in-memory H2 database ("
                + url
                + "): every run and span lives in the heap and is lost when the server stops."
                + " Apply config/cli/h2-file.cli (a file in the server's data directory) or"
                + " config/cli/postgresql.cli; see docs/operations.md");
      }
    } catch (SQLException e) {
      LOG.fine(() -> "Could not read the datasource's URL: " + e);
    }
  }
}
