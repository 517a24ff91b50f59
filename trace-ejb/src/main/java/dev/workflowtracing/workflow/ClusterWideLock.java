package dev.workflowtracing.workflow;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

/**
 * A lock every server on the database shares, held to the end of the caller's transaction: a
 * PostgreSQL transaction-level advisory lock. So work that must happen once per cluster (loading
 * the samples when several servers start together, numbering a workflow's next version) is done by
 * one server at a time, and the others see it done. On H2 (one server per database file) it is
 * nothing.
 */
public final class ClusterWideLock {

  /** Keys: one per kind of work. */
  public static final long SAMPLE_WORKFLOWS = 0x5741_4d50_4c45L;

  public static final long WORKFLOW_VERSIONS = 0x5645_5253_494fL;

  public static final long RETENTION = 0x5245_5445_4e54L;

  public static final long PARTITIONS = 0x5041_5254_4954L;

  private ClusterWideLock() {}

  /** Waits for the lock; it is released when the caller's transaction ends. */
  public static void holdUntilCommit(EntityManager em, long key) {
    if (postgres(em)) {
      em.createNativeQuery("select pg_advisory_xact_lock(?1)")
          .setParameter(1, key)
          .getSingleResult();
    }
  }

  /**
   * Takes the lock if no other transaction holds it, without waiting; it is released when the
   * caller's transaction ends. False: another server is doing the work now.
   */
  public static boolean tryHoldUntilCommit(EntityManager em, long key) {
    if (!postgres(em)) {
      return true;
    }
    Object taken =
        em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
            .setParameter(1, key)
            .getSingleResult();
    return Boolean.TRUE.equals(taken);
  }

  private static boolean postgres(EntityManager em) {
    return em.unwrap(Session.class)
        .doReturningWork(c -> "PostgreSQL".equals(c.getMetaData().getDatabaseProductName()));
  }
}
