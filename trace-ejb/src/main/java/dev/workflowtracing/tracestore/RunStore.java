package dev.workflowtracing.tracestore;

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

  /** Records a run's start, or its acceptance onto the queue; a queued run's row is updated. */
  public void started(RunRecord run) {
    // Only a run that was queued has a row already: a direct run's start is one insert.
    RunRecord queued = run.startsQueuedRun() ? em.find(RunRecord.class, run.getRunId()) : null;
    if (queued != null) {
      queued.start(run);
    } else {
      em.persist(run);
    }
    // Fails here, inside this bean, rather than at commit, where the cause is harder to read.
    em.flush();
  }

  /** Records the run's end; false when its start is not stored. */
  public boolean finished(RunEnd end) {
    RunRecord run = em.find(RunRecord.class, end.runId());
    if (run == null) {
      return false;
    }
    run.finish(
        end.status(), end.endedAtMillis(), end.outputsJson(), end.error(), end.expectedSpans());
    em.flush();
    return true;
  }

  /** Whether the database answers at all: tells a failed write's record from the database. */
  public boolean answers() {
    em.createNativeQuery("select 1").getSingleResult();
    return true;
  }
}
