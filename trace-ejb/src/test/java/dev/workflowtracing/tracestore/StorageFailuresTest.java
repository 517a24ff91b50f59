package dev.workflowtracing.tracestore;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class StorageFailuresTest {

  @Test
  void theSqlStateTellsTheUsualCases() {
    assertThat(StorageFailures.isTransient(wrapped(new SQLException("x", "08006")), () -> true))
        .isTrue();
    assertThat(StorageFailures.isTransient(wrapped(new SQLException("x", "57P01")), () -> true))
        .isTrue();
    // Value too long (22001), NUL in text on PostgreSQL (22021), a constraint (23505).
    assertThat(StorageFailures.isTransient(wrapped(new SQLException("x", "22001")), () -> false))
        .isFalse();
    assertThat(StorageFailures.isTransient(wrapped(new SQLException("x", "22021")), () -> false))
        .isFalse();
    assertThat(StorageFailures.isTransient(wrapped(new SQLException("x", "23505")), () -> false))
        .isFalse();
    assertThat(StorageFailures.isTransient(new SQLTransientConnectionException("x"), () -> true))
        .isTrue();
  }

  @Test
  void otherwiseTheDatabaseIsAskedWhetherItAnswers() {
    RuntimeException unknown = new IllegalStateException("something");
    assertThat(StorageFailures.isTransient(unknown, () -> true)).isFalse();
    assertThat(StorageFailures.isTransient(unknown, () -> false)).isTrue();
    assertThat(
            StorageFailures.isTransient(
                unknown,
                () -> {
                  throw new IllegalStateException("no connection");
                }))
        .isTrue();
  }

  private static RuntimeException wrapped(SQLException e) {
    return new RuntimeException("transaction rolled back", new RuntimeException(e));
  }
}
