package dev.workflowtracing.tracestore;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Waits until what was committed is written out, where the database does that a little after the
 * commit: H2 with a {@code WRITE_DELAY} (the embedded default, 2 ms) writes its commits out within
 * about twice that delay. So a run's end, once its row is committed, waits that long (and 5 ms for
 * the write itself) before the run is reported finished, and a {@code kill -9} right after loses
 * nothing. (With {@code WRITE_DELAY=0} every commit is written out as a chunk of its own: the file
 * grew to 18 GB for 1.3 million spans, and every run got slower as it grew.) PostgreSQL's commits
 * are durable: nothing to wait for.
 */
@ApplicationScoped
public class CommitDurability {

  private static final Logger LOG = Logger.getLogger(CommitDurability.class.getName());

  @Resource(lookup = "java:comp/DefaultDataSource")
  DataSource dataSource;

  private volatile long waitMillis = -1;

  /** Waits until the commits made before this call are written out (not at all on PostgreSQL). */
  public void awaitWrittenOut() {
    long wait = waitMillis();
    if (wait <= 0) {
      return;
    }
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private long waitMillis() {
    long wait = waitMillis;
    if (wait < 0) {
      wait = read();
      waitMillis = wait;
    }
    return wait;
  }

  private long read() {
    try (Connection connection = dataSource.getConnection()) {
      if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
        return 0;
      }
      try (Statement statement = connection.createStatement();
          ResultSet delay =
              statement.executeQuery(
                  "select max(cast(setting_value as int)) from information_schema.settings"
                      + " where setting_name = 'WRITE_DELAY'")) {
        long writeDelay = delay.next() ? delay.getLong(1) : 0;
        long wait = writeDelay <= 0 ? 0 : 2 * writeDelay + 5;
        LOG.info(
            () ->
                "H2 writes commits out within "
                    + writeDelay
                    + " ms (WRITE_DELAY): a run's end waits "
                    + wait
                    + " ms for that");
        return wait;
      }
    } catch (SQLException e) {
      // Unknown for now (database unavailable): ask again at the next run's end.
      return -1;
    }
  }
}
