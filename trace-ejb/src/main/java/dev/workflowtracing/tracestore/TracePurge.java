package dev.workflowtracing.tracestore;

import dev.workflowtracing.workflow.run.RunStatus;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
    List<Object[]> oldest =
        em.createQuery(
                "select r.runId, r.traceId, r.status, r.startedAt from RunRecord r"
                    + " where r.startedAt < :cutoff order by r.startedAt, r.runId",
                Object[].class)
            .setParameter("cutoff", cutoffMillis)
            .setMaxResults(batchSize)
            .getResultList();
    return delete(oldest).runs();
  }

  /** How many spans are stored. */
  public long spanCount() {
    return em.createQuery("select count(s) from SpanRecord s", Long.class).getSingleResult();
  }

  /**
   * Deletes those of the {@code batchSize} oldest runs started at or after {@code fromMillis} that
   * have ended, whatever their age (the store's span cap); a run still going is skipped, never
   * deleted under itself. The runs are read in start order (runs_started), a batch at a time, from
   * where the last batch stopped: filtering on the ended statuses first made every batch read and
   * sort every run, which on H2 at a few hundred thousand runs took longer than a tick.
   */
  public Purged purgeOldestEnded(long fromMillis, int batchSize) {
    List<Object[]> oldest =
        em.createQuery(
                "select r.runId, r.traceId, r.status, r.startedAt from RunRecord r"
                    + " where r.startedAt >= :from order by r.startedAt, r.runId",
                Object[].class)
            .setParameter("from", fromMillis)
            .setMaxResults(batchSize)
            .getResultList();
    List<Object[]> ended = oldest.stream().filter(row -> ((RunStatus) row[2]).isFinal()).toList();
    Purged purged = delete(ended);
    long next = oldest.isEmpty() ? fromMillis : (long) oldest.get(oldest.size() - 1)[3];
    // A batch of runs all still going, all started in one millisecond: step past them.
    boolean stuck = purged.runs() == 0 && next == fromMillis && oldest.size() == batchSize;
    return new Purged(purged.runs(), purged.spans(), oldest.size(), stuck ? next + 1 : next);
  }

  /**
   * What one batch deleted.
   *
   * @param read how many runs the batch read: 0 when no run is left from where it started
   * @param nextFrom where the next batch starts (a start time in epoch milliseconds)
   */
  public record Purged(int runs, int spans, int read, long nextFrom) {
    Purged(int runs, int spans) {
      this(runs, spans, runs, 0);
    }
  }

  // Rows of run id, trace id, status, start.
  private Purged delete(List<Object[]> runs) {
    if (runs.isEmpty()) {
      return new Purged(0, 0);
    }
    List<String> traceIds =
        runs.stream().map(row -> (String) row[1]).filter(id -> id != null).distinct().toList();
    int spans = deleteTraces(traceIds);
    em.createQuery("delete from RunRecord r where r.runId in :ids")
        .setParameter("ids", runs.stream().map(row -> (String) row[0]).toList())
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
    cache.evictAfterCompletion(transactions, traceIds);
    em.createQuery("delete from SpanAttributeRecord a where a.traceId in :ids")
        .setParameter("ids", traceIds)
        .executeUpdate();
    return em.createQuery("delete from SpanRecord s where s.traceId in :ids")
        .setParameter("ids", traceIds)
        .executeUpdate();
  }
}
