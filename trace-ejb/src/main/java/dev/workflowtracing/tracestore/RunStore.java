package dev.workflowtracing.tracestore;

import dev.workflowtracing.workflow.run.RunStatus;
import dev.workflowtracing.workflow.run.RunUsage;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;

/**
 * Records the start and end of runs, each in its own short transaction: a run can take minutes and
 * must not hold a transaction (or a lock) while it executes.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RunStore {

  private static final Logger LOG = Logger.getLogger(RunStore.class.getName());

  @PersistenceContext EntityManager em;

  /** Records a run's start, or its acceptance onto the queue; a queued run's row is updated. */
  public void started(RunRecord run) {
    // Only a run that was queued has a row already: a direct run's start is one insert.
    RunRecord queued =
        run.startsQueuedRun()
            ? em.find(RunRecord.class, run.getRunId(), LockModeType.PESSIMISTIC_WRITE)
            : null;
    if (queued != null && queued.getStatus().isFinal()) {
      LOG.warning(
          () ->
              "Run "
                  + run.getRunId()
                  + " has ended already as "
                  + queued.getStatus()
                  + ": its start is not recorded");
    } else if (queued != null) {
      queued.start(run);
    } else {
      em.persist(run);
    }
    // Fails here, inside this bean, rather than at commit, where the cause is harder to read.
    em.flush();
  }

  /**
   * Records the run's end; false when its start is not stored. A run that has ended already keeps
   * its status: the row is locked while it is read, so that of two ends racing (a cancel and the
   * run's own end, or another server's recovery) the first one is the one kept, on any server.
   */
  public boolean finished(RunEnd end) {
    RunRecord run = em.find(RunRecord.class, end.runId(), LockModeType.PESSIMISTIC_WRITE);
    if (run == null) {
      return false;
    }
    if (run.getStatus().isFinal()) {
      LOG.warning(
          () ->
              "Run "
                  + end.runId()
                  + " has ended already as "
                  + run.getStatus()
                  + ": its end as "
                  + end.status()
                  + " is not recorded (a final status is final)");
      return true;
    }
    // Aborted without its engine (its server stopped): the calls whose spans were stored.
    boolean withoutEngine = end.status() == RunStatus.ABORTED && end.usage() == RunUsage.NONE;
    run.finish(
        end.status(),
        end.endedAtMillis(),
        end.outputsJson(),
        end.error(),
        end.expectedSpans(),
        withoutEngine ? StoredUsage.of(em, run.getTraceId()) : end.usage());
    em.flush();
    return true;
  }

  /** Whether the database answers at all: tells a failed write's record from the database. */
  public boolean answers() {
    em.createNativeQuery("select 1").getSingleResult();
    return true;
  }
}
