package dev.workflowtracing.retention;

import dev.workflowtracing.workflow.ClusterWideLock;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a periodic job on one server of the cluster per tick: the servers tick at the same moments
 * (aligned on the clock), the first takes a cluster-wide lock in a transaction of its own and holds
 * it while the job runs (the job's own transactions are separate) and at least a little longer, so
 * that a server whose clock is a few seconds late finds it taken and skips the tick.
 */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class OncePerCluster {

  private static final Logger LOG = Logger.getLogger(OncePerCluster.class.getName());
  // The lock's transaction only holds the lock: it may last as long as the job does.
  private static final int LOCK_TRANSACTION_TIMEOUT_SECONDS = 6 * 3600;

  @PersistenceContext EntityManager em;
  @Resource UserTransaction transaction;

  /**
   * Runs the job unless another server holds {@code key}; returns whether it ran here. The lock is
   * held for at least {@code minimumHold}.
   */
  public boolean run(long key, Duration minimumHold, Runnable job) {
    long started = System.nanoTime();
    begin();
    try {
      if (!ClusterWideLock.tryHoldUntilCommit(em, key)) {
        return false;
      }
      job.run();
      holdFor(minimumHold.minusNanos(System.nanoTime() - started));
      return true;
    } finally {
      endQuietly();
    }
  }

  private void begin() {
    try {
      transaction.setTransactionTimeout(LOCK_TRANSACTION_TIMEOUT_SECONDS);
      transaction.begin();
    } catch (NotSupportedException | SystemException e) {
      throw new IllegalStateException("Could not begin the cluster-wide lock's transaction", e);
    }
  }

  private static void holdFor(Duration left) {
    if (left.isNegative()) {
      return;
    }
    try {
      Thread.sleep(left.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // shutting down: let go of the lock now
    }
  }

  private void endQuietly() {
    try {
      // Nothing was written in it: ending it only releases the lock.
      if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
        transaction.rollback();
      }
    } catch (SystemException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not end the cluster-wide lock's transaction", e);
    }
  }
}
