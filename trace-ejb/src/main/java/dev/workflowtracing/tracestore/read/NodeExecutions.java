package dev.workflowtracing.tracestore.read;

import dev.workflowtracing.conventions.SpanRole;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One node's executions across runs, read from its node spans by their workflow, node and role
 * columns and start time (schema version 20). First the executions are chosen and ordered from the
 * columns an index holds (on PostgreSQL {@code spans_node_executions}, schema 21, answers it alone:
 * the slowest of a week are picked without visiting a span row), then the chosen ones are read by
 * primary key.
 */
@Stateless
public class NodeExecutions {

  /** Which executions come first. */
  public enum Order {
    LATEST("s.startNanos desc, s.spanId", Comparator.comparingLong(Row::startNanos).reversed()),
    SLOWEST(
        "s.endNanos - s.startNanos desc, s.spanId",
        Comparator.comparingLong(Row::durationNanos).reversed());

    private final String jpql;
    private final Comparator<Row> comparator;

    Order(String jpql, Comparator<Row> comparator) {
      this.jpql = jpql;
      this.comparator = comparator.thenComparing(Row::spanId);
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

  /** A chosen node span, as the index holds it. */
  record Row(
      String traceId,
      String spanId,
      Integer version,
      long startNanos,
      long endNanos,
      String statusCode,
      String statusMessage) {

    long durationNanos() {
      return endNanos - startNanos;
    }
  }

  // The role is a literal, not a parameter: PostgreSQL uses a partial index only for a predicate
  // it can prove from the query text.
  private static final String NODE_SPANS =
      " from SpanRecord s where s.workflowId = :workflow and s.nodeId = :node"
          + " and s.role = '"
          + SpanRole.NODE.value()
          + "' and s.startNanos >= :from and s.startNanos < :to";

  @PersistenceContext EntityManager em;

  public List<NodeExecutionView> of(Query query) {
    TypedQuery<Object[]> choose =
        em.createQuery(
                "select s.traceId, s.spanId"
                    + NODE_SPANS
                    + (query.version().isPresent() ? " and s.workflowVersion = :version" : "")
                    + (query.failedOnly() ? " and s.statusCode = 'ERROR'" : "")
                    + " order by "
                    + query.order().jpql,
                Object[].class)
            .setMaxResults(query.limit());
    bind(choose, query);
    query.version().ifPresent(v -> choose.setParameter("version", v));
    List<Object[]> chosen = choose.getResultList();
    if (chosen.isEmpty()) {
      return List.of();
    }
    // By primary key only (the range prunes partitions): with the node's conditions too, the
    // planner would walk the node's whole range again to find these few.
    TypedQuery<Object[]> read =
        em.createQuery(
                "select s.traceId, s.spanId, s.workflowVersion, s.startNanos, s.endNanos,"
                    + " s.statusCode, s.statusMessage from SpanRecord s"
                    + " where s.traceId in :traces and s.spanId in :spans"
                    + " and s.startNanos >= :from and s.startNanos < :to",
                Object[].class)
            .setParameter("from", query.fromMillis() * 1_000_000L)
            .setParameter("to", query.toMillis() * 1_000_000L);
    read.setParameter("traces", chosen.stream().map(r -> (String) r[0]).distinct().toList());
    read.setParameter("spans", chosen.stream().map(r -> (String) r[1]).distinct().toList());
    Map<String, Row> rows = new HashMap<>();
    for (Object[] r : read.getResultList()) {
      rows.put(
          r[0] + "/" + r[1],
          new Row(
              (String) r[0],
              (String) r[1],
              (Integer) r[2],
              (Long) r[3],
              (Long) r[4],
              (String) r[5],
              (String) r[6]));
    }
    // Only the pairs chosen (ids of one trace and spans of another may pair up in the second read).
    return chosen.stream()
        .map(r -> rows.get(r[0] + "/" + r[1]))
        .filter(java.util.Objects::nonNull)
        .sorted(query.order().comparator)
        .map(NodeExecutions::view)
        .toList();
  }

  private static NodeExecutionView view(Row row) {
    boolean failed = "ERROR".equals(row.statusCode());
    return new NodeExecutionView(
        row.traceId(),
        row.spanId(),
        row.version(),
        Instant.ofEpochSecond(0, row.startNanos()).toString(),
        row.durationNanos() / 1_000_000.0,
        failed,
        failed ? row.statusMessage() : null);
  }

  private static void bind(TypedQuery<Object[]> select, Query query) {
    select
        .setParameter("workflow", query.workflowId())
        .setParameter("node", query.nodeId())
        .setParameter("from", query.fromMillis() * 1_000_000L)
        .setParameter("to", query.toMillis() * 1_000_000L);
  }
}
