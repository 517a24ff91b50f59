package dev.workflowtracing.stats;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
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
    long firstBucket = Math.floorDiv(from, NodeRollup.BUCKET_MILLIS) * NodeRollup.BUCKET_MILLIS;
    TypedQuery<NodeRollup> query =
        em.createQuery(
            "select r from NodeRollup r where r.workflowId = :workflow"
                + " and r.bucketStart >= :first and r.bucketStart < :to"
                + (version.isPresent() ? " and r.workflowVersion = :version" : ""),
            NodeRollup.class);
    query.setParameter("workflow", workflowId).setParameter("first", firstBucket);
    query.setParameter("to", to);
    version.ifPresent(v -> query.setParameter("version", v));
    Map<String, Sum> byNode = new TreeMap<>();
    for (NodeRollup rollup : query.getResultList()) {
      byNode.computeIfAbsent(rollup.nodeId(), id -> new Sum()).add(rollup);
    }
    List<NodeStatsView> views = new ArrayList<>(byNode.size());
    byNode.forEach((node, sum) -> views.add(sum.view(node)));
    return views;
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

    void add(NodeRollup r) {
      executions += r.executions();
      failures += r.failures();
      cancellations += r.cancellations();
      attempts += r.attempts();
      inputTokens += r.inputTokens();
      outputTokens += r.outputTokens();
      if (r.costNanos() != null) {
        costNanos = (costNanos == null ? 0 : costNanos) + r.costNanos();
      }
      if (r.slowestMs() != null && (slowestMs == null || r.slowestMs() > slowestMs)) {
        slowestMs = r.slowestMs();
        slowestTraceId = r.slowestTraceId();
      }
      if (r.latestFailedAt() != null
          && (latestFailedAt == null || r.latestFailedAt() > latestFailedAt)) {
        latestFailedAt = r.latestFailedAt();
        latestFailedTraceId = r.latestFailedTraceId();
      }
      durations.addAll(r.histogram());
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
