package dev.workflowtracing.cluster;

import dev.workflowtracing.workflow.run.RunStatus;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The leases' rows, each change in a short transaction of its own. A singleton (without locks) so
 * that {@link ServerLeases} can depend on it and still release its lease when the server stops.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class LeaseStore {

  @PersistenceContext EntityManager em;

  public Optional<ServerLeaseRecord> find(String instanceId) {
    ServerLeaseRecord lease = em.find(ServerLeaseRecord.class, instanceId);
    if (lease != null) {
      em.detach(lease);
    }
    return Optional.ofNullable(lease);
  }

  /** Takes the lease for this start of the server (a new row, or over an earlier start's). */
  public void take(String instanceId, String incarnation, long now) {
    ServerLeaseRecord lease =
        em.find(ServerLeaseRecord.class, instanceId, LockModeType.PESSIMISTIC_WRITE);
    if (lease == null) {
      em.persist(new ServerLeaseRecord(instanceId, incarnation, now));
    } else {
      lease.takeOver(incarnation, now);
    }
    em.flush();
  }

  /** Moves the lease's count on; false when this start no longer holds it. */
  public boolean renew(String instanceId, String incarnation, long now) {
    return em.createNamedQuery("ServerLeaseRecord.renew")
            .setParameter("id", instanceId)
            .setParameter("incarnation", incarnation)
            .setParameter("now", now)
            .executeUpdate()
        == 1;
  }

  public void release(String instanceId, String incarnation) {
    em.createNamedQuery("ServerLeaseRecord.release")
        .setParameter("id", instanceId)
        .setParameter("incarnation", incarnation)
        .executeUpdate();
  }

  /** Every lease's count: server to renewals. */
  public Map<String, Long> renewals() {
    Map<String, Long> renewals = new LinkedHashMap<>();
    em.createNamedQuery("ServerLeaseRecord.all", ServerLeaseRecord.class)
        .getResultList()
        .forEach(lease -> renewals.put(lease.instanceId(), lease.renewals()));
    return renewals;
  }

  /**
   * Servers with runs RUNNING that started before {@code beforeMillis} but no lease: they released
   * it at a graceful stop (or it was dropped), so nothing will end those runs.
   */
  public List<String> serversRunningWithoutLease(long beforeMillis) {
    return em.createNamedQuery("ServerLeaseRecord.serversRunningWithoutLease", String.class)
        .setParameter("status", RunStatus.RUNNING)
        .setParameter("before", beforeMillis)
        .getResultList();
  }

  /** Drops a gone server's lease, unless it renewed meanwhile (it came back). */
  public boolean dropIfStill(String instanceId, long renewals) {
    return em.createNamedQuery("ServerLeaseRecord.dropIfStill")
            .setParameter("id", instanceId)
            .setParameter("renewals", renewals)
            .executeUpdate()
        == 1;
  }
}
