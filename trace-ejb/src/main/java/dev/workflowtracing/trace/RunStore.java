package dev.workflowtracing.trace;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Records the start and end of runs, each in its own short transaction: a run can take minutes and
 * must not hold a transaction (or a lock) while it executes.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RunStore {

  @PersistenceContext EntityManager em;

  public void started(RunRecord run) {
    em.persist(run);
  }

  public void finished(RunEnd end) {
    RunRecord run = em.find(RunRecord.class, end.runId());
    if (run != null) {
      run.finish(
          end.status(), end.endedAtMillis(), end.outputsJson(), end.error(), end.expectedSpans());
    }
  }
}
