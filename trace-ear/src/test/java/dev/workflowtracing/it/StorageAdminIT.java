package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin's view of the store ({@code /api/admin/storage}): on PostgreSQL the time partitions of
 * spans and runs with their sizes, on H2 plain tables; only admins see it. A partition the database
 * user may not make (no CREATE privilege) is a clear log line, a failure in the view and in {@code
 * /api/metrics}; once the privilege is back, making partitions now makes it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StorageAdminIT {

  private static final boolean POSTGRES = "postgres".equals(System.getProperty("it.db"));
  private static final String DB_URL = "jdbc:postgresql://localhost:5432/workflow_tracing";
  private static final String DB_USER = "workflow_tracing";
  private static final String DB_PASSWORD =
      System.getenv().getOrDefault("TRACE_DB_PASSWORD", "workflow_tracing");

  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.builtEar();
  }

  /** Whatever a test left, the database user may make tables again. */
  @AfterAll
  static void allowCreate() throws SQLException {
    if (POSTGRES) {
      sql("grant create on schema public to pg_database_owner");
    }
  }

  @Test
  void adminsSeeHowSpansAndRunsAreStored() {
    Api api = new Api(baseUrl);
    Api.Answer answer = api.get("api/admin/storage");
    assertThat(answer.status()).isEqualTo(200);
    JsonObject storage = answer.object();
    assertThat(storage.getBoolean("partitioned")).isEqualTo(POSTGRES);
    if (!POSTGRES) {
      assertThat(storage.getJsonArray("tables")).isEmpty();
    } else {
      String today = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
      for (String table : List.of("spans", "runs")) {
        JsonObject stored = table(storage, table);
        assertThat(stored.getJsonNumber("bytes").longValue()).isPositive();
        assertThat(names(stored))
            .as("partitions of %s", table)
            .contains(table + "_p" + today, table + "_default")
            .hasSizeGreaterThanOrEqualTo(5); // today, 3 ahead, default
      }
    }
    assertThat(Api.as(baseUrl, "viewer", "viewer-password").get("api/admin/storage").status())
        .isEqualTo(403);
    assertThat(
            Api.as(baseUrl, "runner", "runner-password")
                .post("api/admin/storage/partitions", "")
                .status())
        .isEqualTo(403);
  }

  @Test
  void aPartitionTheDatabaseUserMayNotMakeIsLoggedCountedAndMadeOnceAllowed() throws Exception {
    assumeTrue(POSTGRES, "H2 keeps plain tables: it has no partitions to make");
    Api api = new Api(baseUrl);
    List<String> spans = names(table(api.get("api/admin/storage").object(), "spans"));
    String newest = spans.get(spans.size() - 2); // the last is the default partition
    long failuresBefore = api.metric("workflow_tracing_partition_failures_total");
    sql("drop table " + newest); // ahead of need, so empty
    sql("revoke create on schema public from pg_database_owner");
    try {
      Api.Answer refused = api.post("api/admin/storage/partitions", "");
      assertThat(refused.status()).isEqualTo(200);
      assertThat(names(table(refused.object(), "spans"))).doesNotContain(newest);
      assertThat(refused.object().getString("lastPartitionFailure"))
          .contains(newest)
          .contains("permission denied");
      assertThat(api.metric("workflow_tracing_partition_failures_total"))
          .isEqualTo(failuresBefore + 1);
      Path log = Path.of(System.getProperty("it.target"), "it-server", "log", "server.log");
      assertThat(Files.readString(log))
          .contains(
              "Could not make partition " + newest + " of spans; its rows go to spans_default");
    } finally {
      sql("grant create on schema public to pg_database_owner");
    }

    Api.Answer made = api.post("api/admin/storage/partitions", "");
    assertThat(made.status()).isEqualTo(200);
    assertThat(names(table(made.object(), "spans"))).contains(newest);
    assertThat(api.metric("workflow_tracing_partition_failures_total"))
        .isEqualTo(failuresBefore + 1);
  }

  private static JsonObject table(JsonObject storage, String name) {
    return storage.getJsonArray("tables").stream()
        .map(JsonValue::asJsonObject)
        .filter(t -> t.getString("table").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no table " + name + " in " + storage));
  }

  private static List<String> names(JsonObject table) {
    return table.getJsonArray("partitions").stream()
        .map(p -> p.asJsonObject().getString("name"))
        .toList();
  }

  private static void sql(String statement) throws SQLException {
    try (Connection db = DriverManager.getConnection(DB_URL, DB_USER, DB_PASSWORD);
        Statement sql = db.createStatement()) {
      sql.execute(statement);
    }
  }
}
