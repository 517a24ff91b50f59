package dev.workflowtracing.stats;

import dev.workflowtracing.workflow.run.NodeRun;
import dev.workflowtracing.workflow.run.RunResult;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;

/**
 * Adds a run's nodes to their hourly rollups, in one transaction of its own. Each row is locked
 * while it is added to, so that runs ending at once on any server of the cluster add up; a row two
 * servers make at once fails one of them, whose caller tries again.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class NodeRollupWriter {

  @PersistenceContext EntityManager em;

  public void add(RunResult run) {
    long bucket =
        Math.floorDiv(run.startedAtMillis(), NodeRollup.BUCKET_MILLIS) * NodeRollup.BUCKET_MILLIS;
    // The workflow version's rows of that hour, read and locked in one query (a fan-out has a
    // thousand nodes); the nodes without a row yet get one.
    Map<String, NodeRollup> rows = new HashMap<>();
    em.createQuery(
            "select r from NodeRollup r where r.workflowId = :workflow"
                + " and r.workflowVersion = :version and r.bucketStart = :bucket",
            NodeRollup.class)
        .setParameter("workflow", run.workflowId())
        .setParameter("version", run.workflowVersion())
        .setParameter("bucket", bucket)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .forEach(row -> rows.put(row.nodeId(), row));
    for (NodeRun node : run.nodes()) {
      NodeRollup rollup = rows.get(node.nodeId());
      if (rollup == null) {
        rollup =
            new NodeRollup(
                new NodeRollup.Key(run.workflowId(), run.workflowVersion(), node.nodeId(), bucket));
        em.persist(rollup);
        rows.put(node.nodeId(), rollup);
      }
      rollup.add(node, run.traceId(), run.startedAtMillis());
    }
    em.flush();
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
