package dev.workflowtracing.cluster;

import dev.workflowtracing.tracestore.RunRecord;
import dev.workflowtracing.tracestore.StoredUsage;
import dev.workflowtracing.workflow.run.AbortReason;
import dev.workflowtracing.workflow.run.RunStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;

/**
 * Ends the runs a gone server left RUNNING: nothing will end them. They end ABORTED with the
 * reason, and their traces keep what was stored. Runs still QUEUED are left alone: their messages
 * are still on the persistent queue and run as usual. Each run is locked as it is ended, and one
 * that has ended meanwhile is skipped, so two servers recovering at once end it once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RunRecovery {

  private static final Logger LOG = Logger.getLogger(RunRecovery.class.getName());
  private static final int MAX_RUNS_AT_ONCE = 10_000;

  @PersistenceContext EntityManager em;

  /**
   * At a server's start: the runs it left RUNNING when it stopped (started before this start), and
   * those of servers that did not record their name yet.
   */
  public int abortLeftBy(String server, long startedAtMillis) {
    return abort(
        em.createNamedQuery("RunRecord.idsLeftRunningBy", String.class)
            .setParameter("status", RunStatus.RUNNING)
            .setParameter("before", startedAtMillis)
            .setParameter("server", server),
        server);
  }

  /** While others keep running: every run of a server that is gone. */
  public int abortRunsOf(String server) {
    return abort(
        em.createNamedQuery("RunRecord.idsRunningOn", String.class)
            .setParameter("status", RunStatus.RUNNING)
            .setParameter("server", server),
        server);
  }

  private int abort(jakarta.persistence.TypedQuery<String> query, String server) {
    List<String> cutOff = query.setMaxResults(MAX_RUNS_AT_ONCE).getResultList();
    long now = System.currentTimeMillis();
    int aborted = 0;
    for (String runId : cutOff) {
      RunRecord run = em.find(RunRecord.class, runId, LockModeType.PESSIMISTIC_WRITE);
      if (run == null || run.getStatus().isFinal()) {
        continue; // it ended meanwhile
      }
      run.abort(
          now,
          AbortReason.serverStopped(run.getExecutedBy()),
          StoredUsage.of(em, run.getTraceId()));
      aborted++;
      LOG.warning(() -> "Run " + runId + " was running on " + server + ", which stopped: ABORTED");
    }
    if (aborted > 0) {
      int count = aborted;
      LOG.warning(() -> count + " runs cut off by the stop of " + server + " ended ABORTED");
    }
    return aborted;
  }
}
