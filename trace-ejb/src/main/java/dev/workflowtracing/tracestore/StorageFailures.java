package dev.workflowtracing.tracestore;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Tells a write that may succeed later (the database is down, the connection was lost) from one
 * that never will (too long, an invalid character, a constraint). Only the first kind is worth
 * retrying; retrying the second blocks everything queued behind it.
 *
 * <p>The SQL state says it for the usual cases. When it does not, the database is asked whether it
 * answers: if it does, the failure belongs to the record, not to the database.
 */
public final class StorageFailures {

  // SQL state classes (SQL:2011, PostgreSQL, H2) that describe the database or the connection.
  private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57", "58", "HY");
  // ... and those that describe the data written.
  private static final Set<String> PERMANENT_CLASSES =
      Set.of("21", "22", "23", "27", "42", "44", "0A");

  private StorageFailures() {}

  /**
   * Whether {@code failure} may go away on retry.
   *
   * @param databaseAnswers asked only when the failure itself does not tell
   */
  public static boolean isTransient(Throwable failure, BooleanSupplier databaseAnswers) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientException
          || t instanceof SQLRecoverableException
          || t instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String stateClass =
            sql.getSQLState().length() >= 2 ? sql.getSQLState().substring(0, 2) : "";
        if (TRANSIENT_CLASSES.contains(stateClass)) {
          return true;
        }
        if (PERMANENT_CLASSES.contains(stateClass)) {
          return false;
        }
      }
    }
    return !answers(databaseAnswers);
  }

  private static boolean answers(BooleanSupplier databaseAnswers) {
    try {
      return databaseAnswers.getAsBoolean();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
