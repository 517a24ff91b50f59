package dev.workflowtracing.retention;

import dev.workflowtracing.concurrent.PeriodicTasks;
import dev.workflowtracing.tracestore.partitions.Partition;
import dev.workflowtracing.tracestore.partitions.PartitionPlan;
import dev.workflowtracing.tracestore.partitions.PartitionSettings;
import dev.workflowtracing.tracestore.partitions.PartitionStore;
import dev.workflowtracing.tracestore.partitions.PartitionedTable;
import dev.workflowtracing.workflow.ClusterWideLock;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes the partitions of spans and runs ahead of need (PostgreSQL): at startup and every {@value
 * #CHECK_MINUTES} minutes, on one server of the cluster at a time, the current interval's and
 * {@code tracing.persistence.partitions-ahead} more. A partition that cannot be made is logged and
 * counted; its rows go to the default partition meanwhile, and move into it once it is made. On H2
 * there is nothing to do.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "PeriodicTasks"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PartitionMaintenance {

  private static final Logger LOG = Logger.getLogger(PartitionMaintenance.class.getName());
  static final long CHECK_MINUTES = 30;

  /** Longer than the servers' clocks drift apart: a server a little late skips the check. */
  private static final Duration HOLD = Duration.ofSeconds(10);

  private static final int WAIT_FOR_LOCK_SECONDS = 20;

  @EJB PartitionStore store;
  @EJB OncePerCluster oncePerCluster;
  @Inject PeriodicTasks periodic;
  @Inject PartitionSettings settings;
  @Inject PartitionStats stats;

  private ScheduledFuture<?> checks;

  @PostConstruct
  void start() {
    if (!store.partitioned()) {
      return;
    }
    stats.partitioned();
    checks =
        periodic.every(
            "partition maintenance", Duration.ZERO, Duration.ofMinutes(CHECK_MINUTES), this::check);
    LOG.info(
        () ->
            "Spans and runs are partitioned by time: a partition every "
                + settings.interval().length()
                + ", made "
                + settings.ahead()
                + " ahead");
  }

  @PreDestroy
  void stop() {
    if (checks != null) {
      checks.cancel(false);
    }
  }

  void check() {
    oncePerCluster.run(ClusterWideLock.PARTITIONS, HOLD, this::createMissing);
  }

  /**
   * A check now (an admin's, after mending what made one fail). Waits up to {@value
   * #WAIT_FOR_LOCK_SECONDS} s while another check holds the cluster's lock (the last one keeps it
   * {@code HOLD} after it ends); answers how many it made, empty if the lock never came free.
   */
  public Optional<Integer> checkNow() {
    if (!store.partitioned()) {
      return Optional.of(0);
    }
    int[] created = {0};
    long deadline = System.nanoTime() + Duration.ofSeconds(WAIT_FOR_LOCK_SECONDS).toNanos();
    while (!oncePerCluster.run(
        ClusterWideLock.PARTITIONS, Duration.ZERO, () -> created[0] = createMissing())) {
      if (System.nanoTime() > deadline) {
        return Optional.empty();
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.of(created[0]);
  }

  /** Creates every partition the plan says is missing; answers how many it made. */
  public int createMissing() {
    int created = 0;
    for (PartitionedTable table : PartitionedTable.values()) {
      List<Partition> existing = store.partitions(table);
      for (PartitionPlan.Range range :
          PartitionPlan.missing(
              existing, settings.interval(), System.currentTimeMillis(), settings.ahead())) {
        String name = settings.interval().partitionName(table.table(), range.fromMillis());
        try {
          store.create(table, name, range.fromMillis(), range.toMillis());
          created++;
          stats.countCreated();
          LOG.info(
              () ->
                  "Partition "
                      + name
                      + " made: "
                      + Instant.ofEpochMilli(range.fromMillis())
                      + " to "
                      + Instant.ofEpochMilli(range.toMillis()));
        } catch (RuntimeException e) {
          String failure =
              "Could not make partition "
                  + name
                  + " of "
                  + table.table()
                  + "; its rows go to "
                  + table.defaultPartition()
                  + " until it is made: "
                  + rootMessage(e);
          stats.countFailure(failure);
          LOG.log(Level.SEVERE, failure);
          break; // the later ones would continue from a gap: try again at the next check
        }
      }
    }
    stats.checked(Instant.now());
    return created;
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }
}
