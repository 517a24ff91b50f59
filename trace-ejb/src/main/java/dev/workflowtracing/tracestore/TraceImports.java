package dev.workflowtracing.tracestore;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;

/**
 * What an import of OTLP files needs of the store: what is there already, and the imported runs.
 */
@Stateless
public class TraceImports {

  @PersistenceContext EntityManager em;

  /** The traces of these ids that have spans stored already. */
  public List<String> storedTraces(Collection<String> traceIds) {
    return em.createQuery(
            "select distinct s.traceId from SpanRecord s where s.traceId in :ids", String.class)
        .setParameter("ids", traceIds)
        .getResultList();
  }

  public boolean runStored(String runId) {
    return em.find(RunRecord.class, runId) != null;
  }

  public void save(RunRecord imported) {
    em.persist(imported);
  }
}
