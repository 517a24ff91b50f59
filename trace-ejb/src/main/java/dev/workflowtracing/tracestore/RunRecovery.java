package dev.workflowtracing.tracestore;

import dev.workflowtracing.workflow.engine.RunStatus;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.logging.Logger;

/**
 * At startup, ends the runs that a crash left RUNNING: their server is gone, so nothing will end
 * them. They end ABORTED with the reason, and their traces keep what was stored. Runs still QUEUED
 * are left alone: their messages are still on the persistent queue and run as usual.
 *
 * <p>One server: a run counts as cut off when it started before this server's JVM did. Several
 * servers sharing one database would need to know which server runs what (docs/operations.md).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class RunRecovery {

  private static final Logger LOG = Logger.getLogger(RunRecovery.class.getName());

  static final String REASON =
      "Aborted: the server executing this run stopped (crashed or was killed) before the run"
          + " ended. Spans that had not ended by then were never recorded.";

  @PersistenceContext EntityManager em;

  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  void abortRunsCutOffByACrash() {
    long serverStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    List<String> cutOff =
        em.createNamedQuery("RunRecord.idsRunningSince", String.class)
            .setParameter("status", RunStatus.RUNNING)
            .setParameter("before", serverStart)
            .setMaxResults(100_000)
            .getResultList();
    if (cutOff.isEmpty()) {
      return;
    }
    long now = System.currentTimeMillis();
    for (String runId : cutOff) {
      RunRecord run = em.find(RunRecord.class, runId, LockModeType.PESSIMISTIC_WRITE);
      if (run.getStatus().isFinal()) {
        continue; // it ended meanwhile
      }
      run.abort(now, REASON);
      LOG.warning(() -> "Run " + runId + " was running when the server stopped: ended ABORTED");
    }
    LOG.warning(() -> cutOff.size() + " runs cut off by the server's stop ended ABORTED");
  }
}
