package dev.workflowtracing.cluster;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** The cluster settings' rows, each read or change in a short transaction of its own. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ClusterSettingStore {

  @PersistenceContext EntityManager em;

  public Optional<String> read(String name) {
    ClusterSettingRecord setting = em.find(ClusterSettingRecord.class, name);
    return Optional.ofNullable(setting).map(ClusterSettingRecord::value);
  }

  public void write(String name, String value, String changedBy) {
    ClusterSettingRecord setting =
        em.find(ClusterSettingRecord.class, name, LockModeType.PESSIMISTIC_WRITE);
    long now = System.currentTimeMillis();
    if (setting == null) {
      em.persist(new ClusterSettingRecord(name, value, now, changedBy));
    } else {
      setting.change(value, now, changedBy);
    }
  }
}
