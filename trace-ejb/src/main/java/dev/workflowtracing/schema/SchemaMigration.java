package dev.workflowtracing.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
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

  /** The schema's migrations, SQL and Java; the benchmarks and tests migrate with these too. */
  public static FluentConfiguration migrations() {
    return Flyway.configure(SchemaMigration.class.getClassLoader())
        .locations("classpath:db/migration")
        .javaMigrations(new ArtifactsIntoSpanRows());
  }

  @PostConstruct
  void migrate() {
    var result = migrations().dataSource(dataSource).load().migrate();
    LOG.info(
        () ->
            "Schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)");
  }
}
