package dev.workflowtracing.tracestore;

import dev.workflowtracing.workflow.engine.RunLedger;
import dev.workflowtracing.workflow.engine.RunStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The engine's {@link RunLedger}, answered from the runs' rows. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class StoredRunLedger implements RunLedger {

  @PersistenceContext EntityManager em;

  @Override
  public Optional<RunStatus> status(String runId) {
    List<RunStatus> found =
        em.createNamedQuery("RunRecord.statusById", RunStatus.class)
            .setParameter("runId", runId)
            .getResultList();
    return found.stream().findFirst();
  }
}
