package dev.workflowtracing.tracestore;

import dev.workflowtracing.spans.FinishedSpan;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Foreign spans that join one of our runs' traces are counted on the run, in the transaction that
 * stores them: the count is what every server checks a cached trace by, so a finished trace that
 * gains spans from another service is rendered again, wherever it was cached. This server's own
 * cache drops it once the spans are committed. Costs nothing for our own spans, and one lookup per
 * batch for foreign ones.
 */
final class ForeignSpanCounts {

  private ForeignSpanCounts() {}

  static void count(
      EntityManager em,
      Collection<FinishedSpan> spans,
      TraceCache cache,
      TransactionSynchronizationRegistry transactions) {
    Map<String, Integer> byTrace = new TreeMap<>();
    for (FinishedSpan span : spans) {
      if (span.source().foreign()) {
        byTrace.merge(span.traceId(), 1, Integer::sum);
      }
    }
    if (byTrace.isEmpty()) {
      return;
    }
    List<String> withRuns =
        em.createQuery("select r.traceId from RunRecord r where r.traceId in :ids", String.class)
            .setParameter("ids", byTrace.keySet())
            .getResultList();
    for (String traceId : withRuns) {
      em.createQuery(
              "update RunRecord r set r.foreignSpans = r.foreignSpans + :n"
                  + " where r.traceId = :traceId")
          .setParameter("n", byTrace.get(traceId))
          .setParameter("traceId", traceId)
          .executeUpdate();
    }
    if (!withRuns.isEmpty()) {
      cache.evictAfterCompletion(transactions, withRuns);
    }
  }
}
