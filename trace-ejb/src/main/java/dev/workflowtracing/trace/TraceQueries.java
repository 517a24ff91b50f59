package dev.workflowtracing.trace;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Reads stored traces: one trace as a tree, one span with its artifacts, lists of runs. */
@Stateless
public class TraceQueries {

  @PersistenceContext EntityManager em;

  public List<SpanRecord> spans(String traceId) {
    return em.createNamedQuery("SpanRecord.findByTrace", SpanRecord.class)
        .setParameter("traceId", traceId)
        .getResultList();
  }

  public Optional<RunRecord> runOfTrace(String traceId) {
    return em.createNamedQuery("RunRecord.findByTraceId", RunRecord.class)
        .setParameter("traceId", traceId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  public Optional<RunRecord> run(String runId) {
    return Optional.ofNullable(em.find(RunRecord.class, runId));
  }

  public long traceStartNanos(String traceId) {
    Long start =
        em.createQuery(
                "select min(s.startNanos) from SpanRecord s where s.traceId = :traceId", Long.class)
            .setParameter("traceId", traceId)
            .getSingleResult();
    return start == null ? 0 : start;
  }

  public Optional<SpanRecord> span(String traceId, String spanId) {
    return Optional.ofNullable(em.find(SpanRecord.class, new SpanRecord.Key(traceId, spanId)));
  }

  public List<ArtifactRecord> artifacts(String traceId, String spanId) {
    return em.createNamedQuery("ArtifactRecord.findBySpan", ArtifactRecord.class)
        .setParameter("traceId", traceId)
        .setParameter("spanId", spanId)
        .getResultList();
  }
}
