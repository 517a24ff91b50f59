package dev.workflowtracing.bench;

import dev.workflowtracing.schema.SchemaMigration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * How long the move to the partitioned layout (schema version 9) takes: a database at version 8
 * (plain tables) filled with {@code runs} runs of 21 spans over {@code days} days, then migrated to
 * the latest version. Prints the spans carried over and the seconds per million; the migration's
 * own log line says the same.
 *
 * <p>{@code MigrationBench <jdbc-url> <user> <password> <runs> <days>}
 */
public final class MigrationBench {

  private static final long DAY = 86_400_000L;

  private MigrationBench() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String user = args[1];
    String password = args[2];
    long runs = Long.parseLong(args[3]);
    int days = Integer.parseInt(args[4]);
    BenchSchema.reset(url, user, password, "8");
    long now = System.currentTimeMillis();
    long spans =
        StoreGenerator.generate(
            DriverManager.getConnection(url, user, password),
            runs,
            21,
            true,
            now - days * DAY,
            now);
    try (Connection db = DriverManager.getConnection(url, user, password);
        Statement sql = db.createStatement()) {
      sql.execute("vacuum analyze");
    }
    long started = System.nanoTime();
    SchemaMigration.migrations().dataSource(url, user, password).load().migrate();
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "migrated %,d spans of %,d runs over %d days to the partitioned layout in %.1f s:"
            + " %.1f s per million spans%n",
        spans, runs + 2, days, seconds, seconds / (spans / 1e6));
  }
}
