package dev.workflowtracing.tracestore;

import dev.workflowtracing.workflow.engine.RunStatus;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;

/**
 * Deletes runs with their spans (artifacts included) and attribute rows. Each call is one short
 * transaction over at most one batch of runs, so a large purge never holds long locks.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class TracePurge {

  @PersistenceContext EntityManager em;
  @Inject TraceCache cache;
  @Resource TransactionSynchronizationRegistry transactions;

  /** Deletes up to {@code batchSize} of the oldest runs started before the cutoff. */
  public int purgeBatch(long cutoffMillis, int batchSize) {
    return delete(
            em.createQuery(
                    "select r from RunRecord r where r.startedAt < :cutoff order by r.startedAt",
                    RunRecord.class)
                .setParameter("cutoff", cutoffMillis)
                .setMaxResults(batchSize)
                .getResultList())
        .runs();
  }

  /** How many spans are stored. */
  public long spanCount() {
    return em.createQuery("select count(s) from SpanRecord s", Long.class).getSingleResult();
  }

  /**
   * Deletes up to {@code batchSize} of the oldest runs that have ended, whatever their age (the
   * store's span cap); a run still going is never deleted under itself.
   */
  public Purged purgeOldestEnded(int batchSize) {
    return delete(
        em.createQuery(
                "select r from RunRecord r where r.status in :ended order by r.startedAt",
                RunRecord.class)
            .setParameter("ended", RunStatus.FINAL)
            .setMaxResults(batchSize)
            .getResultList());
  }

  /** What one batch deleted. */
  public record Purged(int runs, int spans) {}

  private Purged delete(List<RunRecord> runs) {
    if (runs.isEmpty()) {
      return new Purged(0, 0);
    }
    List<String> traceIds =
        runs.stream().map(RunRecord::getTraceId).filter(id -> id != null).distinct().toList();
    int spans = deleteTraces(traceIds);
    em.createQuery("delete from RunRecord r where r.runId in :ids")
        .setParameter("ids", runs.stream().map(RunRecord::getRunId).toList())
        .executeUpdate();
    return new Purged(runs.size(), spans);
  }

  /** Deletes one trace and its run; false if there was nothing to delete. */
  public boolean deleteTrace(String traceId) {
    int spans = deleteTraces(List.of(traceId));
    int runs =
        em.createQuery("delete from RunRecord r where r.traceId = :traceId")
            .setParameter("traceId", traceId)
            .executeUpdate();
    return spans + runs > 0;
  }

  private int deleteTraces(List<String> traceIds) {
    if (traceIds.isEmpty()) {
      return 0;
    }
    // Before the delete and again once it is committed: a reader that read the rows just before
    // may have kept a rendered copy meanwhile.
    cache.evict(traceIds);
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            cache.evict(traceIds);
          }
        });
    em.createQuery("delete from SpanAttributeRecord a where a.traceId in :ids")
        .setParameter("ids", traceIds)
        .executeUpdate();
    return em.createQuery("delete from SpanRecord s where s.traceId in :ids")
        .setParameter("ids", traceIds)
        .executeUpdate();
  }
}
