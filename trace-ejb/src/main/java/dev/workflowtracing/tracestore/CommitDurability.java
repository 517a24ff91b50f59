package dev.workflowtracing.tracestore;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Makes what was committed before the call survive a {@code kill -9} of the server, where the
 * database writes its commits out only a little later: H2's file store writes them in the
 * background every {@code WRITE_DELAY} ms. There an accepted run and a run's end, once their row is
 * committed, wait for an H2 {@code CHECKPOINT}, which writes the store's changes to the file at
 * once; run ends that wait together share one ({@link SharedWriteOut}).
 *
 * <p>Before, they slept twice a {@code WRITE_DELAY} of 2 ms: H2's background writer then woke every
 * millisecond and went through all the file's chunks each time, a quarter of the server's CPU under
 * load (docs/performance.md). ({@code WRITE_DELAY=0} instead writes every commit as a chunk of its
 * own: the file grew to 18 GB for 1.3 million spans.) PostgreSQL's commits are durable, and an
 * in-memory H2 is lost with the server anyway: nothing to wait for.
 */
@ApplicationScoped
public class CommitDurability {

  private static final Logger LOG = Logger.getLogger(CommitDurability.class.getName());

  @Resource(lookup = "java:comp/DefaultDataSource")
  DataSource dataSource;

  private final SharedWriteOut checkpoints = new SharedWriteOut(this::checkpoint);
  private volatile Boolean needsCheckpoint; // null until the database answered once

  /**
   * Returns once the commits made before this call are written out. Outside the caller's
   * transaction: H2 commits a connection's open transaction before a {@code CHECKPOINT}.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public void awaitWrittenOut() {
    if (needsCheckpoint()) {
      checkpoints.await();
    }
  }

  private boolean needsCheckpoint() {
    Boolean needs = needsCheckpoint;
    if (needs == null) {
      needs = read();
      if (needs != null) {
        needsCheckpoint = needs;
      }
    }
    return Boolean.TRUE.equals(needs);
  }

  // Null when the database does not answer: asked again at the next call.
  private Boolean read() {
    try (Connection connection = dataSource.getConnection()) {
      var metaData = connection.getMetaData();
      boolean h2File =
          "H2".equals(metaData.getDatabaseProductName())
              && !metaData.getURL().startsWith("jdbc:h2:mem:");
      LOG.info(
          () ->
              h2File
                  ? "H2 file store: an accepted run and a run's end wait for an H2 CHECKPOINT that"
                      + " writes their commit to the file (shared by those that wait together)"
                  : "The database's commits are durable (or it is in memory): a run's end waits for"
                      + " nothing more");
      return h2File;
    } catch (SQLException e) {
      return null;
    }
  }

  private void checkpoint() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CHECKPOINT");
    } catch (SQLException e) {
      // The database is unavailable: the commit before it failed too, and is retried as such.
      LOG.log(Level.FINE, "H2 CHECKPOINT failed", e);
    }
  }
}
