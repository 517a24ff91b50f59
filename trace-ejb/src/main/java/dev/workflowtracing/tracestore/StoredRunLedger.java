package dev.workflowtracing.tracestore;

import dev.workflowtracing.instrumentation.TracingSettings;
import dev.workflowtracing.workflow.engine.control.RunLedger;
import dev.workflowtracing.workflow.run.RunStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The engine's {@link RunLedger}, answered from the runs' rows. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class StoredRunLedger implements RunLedger {

  /** More cancel requests than this at once for one server are read on the next sweep. */
  private static final int MAX_CANCELS_READ = 1_000;

  @PersistenceContext EntityManager em;
  @Inject TracingSettings settings;

  @Override
  public Optional<RunStatus> status(String runId) {
    List<RunStatus> found =
        em.createNamedQuery("RunRecord.statusById", RunStatus.class)
            .setParameter("runId", runId)
            .getResultList();
    return found.stream().findFirst();
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean requestCancel(String runId, String reason) {
    RunRecord run = em.find(RunRecord.class, runId, LockModeType.PESSIMISTIC_WRITE);
    return run != null && run.requestCancel(settings.instanceId(), reason);
  }

  @Override
  public Optional<String> executor(String runId) {
    RunRecord run = em.find(RunRecord.class, runId);
    return run == null ? Optional.empty() : Optional.ofNullable(run.getExecutedBy());
  }

  @Override
  public Map<String, String> cancelsRequestedHere() {
    Map<String, String> requested = new LinkedHashMap<>();
    em.createNamedQuery("RunRecord.cancelRequestsFor", Object[].class)
        .setParameter("server", settings.instanceId())
        .setParameter("status", RunStatus.RUNNING)
        .setMaxResults(MAX_CANCELS_READ)
        .getResultList()
        .forEach(row -> requested.put((String) row[0], (String) row[1]));
    return requested;
  }
}
