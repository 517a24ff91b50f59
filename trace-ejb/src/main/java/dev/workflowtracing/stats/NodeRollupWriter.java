package dev.workflowtracing.stats;

import dev.workflowtracing.workflow.run.NodeRun;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds ended runs' nodes to their hourly rollups, in one transaction of its own. Each row is locked
 * while it is added to, so that runs ending at once on any server of the cluster add up; a row two
 * servers make at once fails one of them, whose caller tries again.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class NodeRollupWriter {

  @PersistenceContext EntityManager em;

  /**
   * Adds the runs' nodes. The rows of each workflow version and hour are read and locked in one
   * query (a fan-out has a thousand nodes), in the same order on every server so that two never
   * wait on each other; the nodes without a row yet get one.
   */
  public void add(List<EndedRun> runs) {
    Map<Hour, List<EndedRun>> byHour = new TreeMap<>();
    for (EndedRun run : runs) {
      byHour.computeIfAbsent(Hour.of(run), hour -> new ArrayList<>()).add(run);
    }
    byHour.forEach(this::add);
    em.flush();
  }

  private void add(Hour hour, List<EndedRun> runs) {
    Map<String, NodeRollup> rows = new HashMap<>();
    em.createQuery(
            "select r from NodeRollup r where r.workflowId = :workflow"
                + " and r.workflowVersion = :version and r.bucketStart = :bucket",
            NodeRollup.class)
        .setParameter("workflow", hour.workflowId())
        .setParameter("version", hour.workflowVersion())
        .setParameter("bucket", hour.bucketStart())
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList()
        .forEach(row -> rows.put(row.nodeId(), row));
    for (EndedRun run : runs) {
      for (NodeRun node : run.nodes()) {
        NodeRollup rollup = rows.get(node.nodeId());
        if (rollup == null) {
          rollup =
              new NodeRollup(
                  new NodeRollup.Key(
                      hour.workflowId(),
                      hour.workflowVersion(),
                      node.nodeId(),
                      hour.bucketStart()));
          em.persist(rollup);
          rows.put(node.nodeId(), rollup);
        }
        rollup.add(node, run.traceId(), run.startedAtMillis());
      }
    }
  }

  /** A workflow version's hour: the rows a run adds to. */
  private record Hour(String workflowId, int workflowVersion, long bucketStart)
      implements Comparable<Hour> {

    static Hour of(EndedRun run) {
      return new Hour(
          run.workflowId(), run.workflowVersion(), NodeRollup.hourOf(run.startedAtMillis()));
    }

    @Override
    public int compareTo(Hour other) {
      return Comparator.comparing(Hour::workflowId)
          .thenComparingInt(Hour::workflowVersion)
          .thenComparingLong(Hour::bucketStart)
          .compare(this, other);
    }
  }

  /**
   * Deletes the rollups of hours that ended before the cutoff (retention); answers how many. They
   * are few: one per node and hour.
   */
  public int deleteHoursBefore(long cutoffMillis) {
    return em.createQuery("delete from NodeRollup r where r.bucketStart < :cutoff")
        .setParameter("cutoff", cutoffMillis - NodeRollup.BUCKET_MILLIS)
        .executeUpdate();
  }
}
