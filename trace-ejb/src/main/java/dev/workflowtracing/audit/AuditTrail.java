package dev.workflowtracing.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes and reads the audit trail. A row is written in a transaction of its own, after the action
 * succeeded: an action never fails for its audit row (the caller counts a row it could not write).
 */
@Stateless
public class AuditTrail {

  public static final int MAX_PAGE = 500;

  @PersistenceContext EntityManager em;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(
      AuditAction action, String actor, String address, String target, String detail) {
    em.persist(
        new AuditEvent(
            UUID.randomUUID().toString(),
            System.currentTimeMillis(),
            actor == null ? "(anonymous)" : actor,
            address,
            action.id(),
            target,
            detail));
  }

  /** Newest first, {@code limit} at a time after {@code after} (null: from the newest). */
  public AuditPage page(AuditFilter filter, AuditCursor after, int limit) {
    StringBuilder jpql = new StringBuilder("select a from AuditEvent a where 1 = 1");
    if (filter.actor() != null) {
      jpql.append(" and a.actor = :actor");
    }
    if (filter.action() != null) {
      jpql.append(" and a.action = :action");
    }
    if (filter.fromMillis() != null) {
      jpql.append(" and a.atMillis >= :from");
    }
    if (filter.toMillis() != null) {
      jpql.append(" and a.atMillis < :to");
    }
    if (after != null) {
      jpql.append(" and (a.atMillis < :at or (a.atMillis = :at and a.eventId < :id))");
    }
    jpql.append(" order by a.atMillis desc, a.eventId desc");
    TypedQuery<AuditEvent> query = em.createQuery(jpql.toString(), AuditEvent.class);
    if (filter.actor() != null) {
      query.setParameter("actor", filter.actor());
    }
    if (filter.action() != null) {
      query.setParameter("action", filter.action().id());
    }
    if (filter.fromMillis() != null) {
      query.setParameter("from", filter.fromMillis());
    }
    if (filter.toMillis() != null) {
      query.setParameter("to", filter.toMillis());
    }
    if (after != null) {
      query.setParameter("at", after.atMillis()).setParameter("id", after.eventId());
    }
    List<AuditEvent> rows = query.setMaxResults(limit + 1).getResultList();
    List<AuditView> items = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, rows.size()); i++) {
      items.add(AuditView.of(rows.get(i)));
    }
    String next =
        rows.size() > limit
            ? new AuditCursor(rows.get(limit - 1).getAtMillis(), rows.get(limit - 1).getEventId())
                .encode()
            : null;
    return new AuditPage(items, next);
  }

  /** Deletes the rows older than the cutoff; how many went. */
  public int purgeBefore(long cutoffMillis) {
    return em.createQuery("delete from AuditEvent a where a.atMillis < :cutoff")
        .setParameter("cutoff", cutoffMillis)
        .executeUpdate();
  }
}
