package dev.workflowtracing.tracestore.read;

import dev.workflowtracing.conventions.SpanRole;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;

/**
 * One node's executions across runs, read from its node spans by their workflow, node and role
 * columns and start time: the index {@code spans_workflow_node} (schema version 20) answers it as
 * one range, on every span partition of the time range.
 */
@Stateless
public class NodeExecutions {

  /** Which executions, in which order. */
  public enum Order {
    LATEST("s.startNanos desc, s.spanId"),
    SLOWEST("s.endNanos - s.startNanos desc, s.spanId");

    private final String jpql;

    Order(String jpql) {
      this.jpql = jpql;
    }
  }

  /**
   * The node's executions that started in [{@code fromMillis}, {@code toMillis}), of one version or
   * all, failed ones only when asked, at most {@code limit}.
   */
  public record Query(
      String workflowId,
      String nodeId,
      Optional<Integer> version,
      long fromMillis,
      long toMillis,
      boolean failedOnly,
      Order order,
      int limit) {}

  @PersistenceContext EntityManager em;

  public List<NodeExecutionView> of(Query query) {
    TypedQuery<Object[]> select =
        em.createQuery(
                "select s.traceId, s.spanId, s.workflowVersion, s.startNanos, s.endNanos,"
                    + " s.statusCode, s.statusMessage from SpanRecord s"
                    + " where s.workflowId = :workflow and s.nodeId = :node and s.role = :role"
                    + " and s.startNanos >= :from and s.startNanos < :to"
                    + (query.version().isPresent() ? " and s.workflowVersion = :version" : "")
                    + (query.failedOnly() ? " and s.statusCode = 'ERROR'" : "")
                    + " order by "
                    + query.order().jpql,
                Object[].class)
            .setParameter("workflow", query.workflowId())
            .setParameter("node", query.nodeId())
            .setParameter("role", SpanRole.NODE.value())
            .setParameter("from", query.fromMillis() * 1_000_000L)
            .setParameter("to", query.toMillis() * 1_000_000L)
            .setMaxResults(query.limit());
    query.version().ifPresent(v -> select.setParameter("version", v));
    return select.getResultList().stream().map(NodeExecutionView::of).toList();
  }
}
