package dev.workflowtracing.stats;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A workflow's per-node figures over a time range, added up from the hourly rollups the range
 * touches (so a range counts whole hours: from the start of its first hour to the end of its last).
 */
@Stateless
public class NodeStats {

  @PersistenceContext EntityManager em;

  public List<NodeStatsView> of(String workflowId, Optional<Integer> version, long from, long to) {
    Range range = new Range(workflowId, version, NodeRollup.hourOf(from), to);
    // Added up by the database, one row per node: a 7-day range of a 1,000-node workflow touches
    // 168,000 rollups, too many to carry over. The histograms are joined into one text per node
    // (a bucket named twice is counted twice); the example traces are picked by two more queries.
    Query sums =
        em.createQuery(
            "select r.nodeId, sum(r.executions), sum(r.failures), sum(r.cancellations),"
                + " sum(r.attempts), sum(r.inputTokens), sum(r.outputTokens), sum(r.costNanos),"
                + " function('listagg', r.durationHistogram, ',') from NodeRollup r"
                + (" where " + range.matches("r.workflowId", "r.workflowVersion", "r.bucketStart"))
                + " group by r.nodeId");
    Map<String, Sum> byNode = new TreeMap<>();
    for (Object[] row : range.rows(sums)) {
      byNode.put((String) row[0], Sum.of(row));
    }
    for (Object[] row : range.rows(largest("slowest_ms", "slowest_trace_id", range))) {
      Sum sum = byNode.get((String) row[0]);
      if (sum != null && sum.slowestMs == null) {
        sum.slowestMs = ((Number) row[1]).longValue();
        sum.slowestTraceId = (String) row[2];
      }
    }
    for (Object[] row : range.rows(largest("latest_failed_at", "latest_failed_trace_id", range))) {
      Sum sum = byNode.get((String) row[0]);
      if (sum != null && sum.latestFailedTraceId == null) {
        sum.latestFailedTraceId = (String) row[2];
      }
    }
    List<NodeStatsView> views = new ArrayList<>(byNode.size());
    byNode.forEach((node, sum) -> views.add(sum.view(node)));
    return views;
  }

  /**
   * Per node, the rollups of the range with the largest {@code value}, and their {@code trace}: in
   * SQL, as the standard JPQL has no row values to join a node with its maximum.
   */
  private Query largest(String value, String trace, Range range) {
    return em.createNativeQuery(
        String.format(
            "select r.node_id, r.%1$s, r.%2$s from node_rollups r join (select node_id, max(%1$s)"
                + " largest from node_rollups where %3$s group by node_id) m on r.node_id = m.node_id"
                + " and r.%1$s = m.largest where %4$s",
            value,
            trace,
            range.matches("workflow_id", "workflow_version", "bucket_start"),
            range.matches("r.workflow_id", "r.workflow_version", "r.bucket_start")));
  }

  /** The rollups a range touches, in the names of a query's columns. */
  private record Range(String workflowId, Optional<Integer> version, long firstBucket, long to) {

    /** The conditions on the columns named so. */
    String matches(String workflow, String workflowVersion, String bucketStart) {
      return String.format(
          "%1$s = :workflow and %2$s >= :first and %2$s < :to%3$s",
          workflow,
          bucketStart,
          version.isPresent() ? " and " + workflowVersion + " = :version" : "");
    }

    @SuppressWarnings("unchecked")
    List<Object[]> rows(Query query) {
      query.setParameter("workflow", workflowId).setParameter("first", firstBucket);
      query.setParameter("to", to);
      version.ifPresent(v -> query.setParameter("version", v));
      return query.getResultList();
    }
  }

  /** One node's rollups added up. */
  private static final class Sum {
    long executions;
    long failures;
    long cancellations;
    long attempts;
    long inputTokens;
    long outputTokens;
    Long costNanos;
    Long slowestMs;
    String slowestTraceId;
    Long latestFailedAt;
    String latestFailedTraceId;
    final DurationHistogram durations = new DurationHistogram();

    /** A row of the grouped query above. */
    static Sum of(Object[] row) {
      Sum sum = new Sum();
      sum.executions = (Long) row[1];
      sum.failures = (Long) row[2];
      sum.cancellations = (Long) row[3];
      sum.attempts = (Long) row[4];
      sum.inputTokens = (Long) row[5];
      sum.outputTokens = (Long) row[6];
      sum.costNanos = (Long) row[7];
      sum.durations.addEncoded((String) row[8]);
      return sum;
    }

    NodeStatsView view(String nodeId) {
      double perExecution = executions == 0 ? 0 : 1.0 / executions;
      return new NodeStatsView(
          nodeId,
          executions,
          executions - failures - cancellations,
          failures,
          cancellations,
          failures * perExecution,
          Math.max(0, attempts - executions) * perExecution,
          durations.percentile(50),
          durations.percentile(95),
          durations.percentile(99),
          inputTokens,
          outputTokens,
          costNanos == null ? null : costNanos / 1e9,
          costNanos,
          slowestMs,
          slowestTraceId,
          latestFailedTraceId);
    }
  }
}
