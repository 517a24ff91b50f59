package dev.workflowtracing.retention;

import dev.workflowtracing.audit.AuditSettings;
import dev.workflowtracing.audit.AuditStats;
import dev.workflowtracing.audit.AuditTrail;
import dev.workflowtracing.stats.NodeRollupWriter;
import dev.workflowtracing.tracestore.TracePurge;
import dev.workflowtracing.tracestore.partitions.Partition;
import dev.workflowtracing.tracestore.partitions.PartitionStore;
import dev.workflowtracing.tracestore.partitions.PartitionedTable;
import dev.workflowtracing.workflow.ClusterWideLock;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Purges runs and traces older than {@code tracing.retention.days}, then the oldest ended runs
 * while more than {@code tracing.retention.max-spans} spans are stored, every {@code
 * tracing.retention.interval-minutes}, {@code tracing.retention.batch-size} runs per transaction.
 * {@code tracing.retention.days=0} and {@code tracing.retention.max-spans=0} keep everything.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetentionJob {

  private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());

  /** How long the server that purges holds the tick at least: longer than clocks drift apart. */
  private static final Duration TICK_HOLD = Duration.ofSeconds(15);

  @Resource TimerService timers;
  @EJB NodeRollupWriter rollups;
  @EJB TracePurge purge;
  @EJB AuditTrail audit;
  @Inject AuditSettings auditSettings;
  @Inject AuditStats auditStats;
  @EJB OncePerCluster oncePerCluster;
  @EJB PartitionStore partitions;
  @Inject PartitionStats partitionStats;

  @Inject RetentionSettings settings;
  @Inject RetentionStats stats;

  @PostConstruct
  void schedule() {
    if (!settings.purges()) {
      LOG.info(
          "Retention is off (tracing.retention.days=0, tracing.retention.max-spans=0): traces are"
              + " kept");
      return;
    }
    long interval = Duration.ofMinutes(Math.max(1, settings.intervalMinutes())).toMillis();
    // Not persistent: every server schedules its own tick, and a missed one simply runs next time.
    // The ticks are aligned on the clock, so that the servers of a cluster tick together and one of
    // them purges (OncePerCluster).
    long untilAligned = interval - System.currentTimeMillis() % interval;
    timers.createIntervalTimer(untilAligned, interval, new TimerConfig("trace-retention", false));
    LOG.info(
        () ->
            "Retention: runs older than "
                + settings.days()
                + " days (0: none) and the oldest beyond "
                + settings.maxSpans()
                + " spans (0: no cap) are purged every "
                + settings.intervalMinutes()
                + " minutes");
  }

  @Timeout
  void tick() {
    // Held a little longer than the purge: the other servers' ticks of the same moment skip.
    Duration hold = Duration.ofMinutes(Math.max(1, settings.intervalMinutes())).dividedBy(4);
    boolean here =
        oncePerCluster.run(ClusterWideLock.RETENTION, min(hold, TICK_HOLD), this::purgeExpired);
    if (!here) {
      stats.skipped();
      LOG.fine("Retention tick skipped: another server is purging");
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  void purgeExpired() {
    if (settings.days() > 0) {
      Instant cutoff = Instant.now().minus(Duration.ofDays(settings.days()));
      dropPartitionsEndingBefore(cutoff);
      purgeOlderThan(cutoff);
      rollups.deleteHoursBefore(cutoff.toEpochMilli());
    }
    if (settings.maxSpans() > 0) {
      enforceSpanCap(settings.maxSpans());
    }
    if (auditSettings.retentionDays() > 0) {
      // The audit trail keeps its own number of days (tracing.audit.retention-days).
      auditStats.purged(
          audit.purgeBefore(
              Instant.now().minus(Duration.ofDays(auditSettings.retentionDays())).toEpochMilli()));
    }
    stats.purged(Instant.now());
  }

  /**
   * Deletes the oldest ended runs until at most {@code maxSpans} spans are stored; returns how many
   * spans went.
   */
  public long enforceSpanCap(long maxSpans) {
    long stored = purge.spanCount();
    long evicted = 0;
    int runs = 0;
    double spansPerRun = 0; // learnt from the batches: as few runs go as the cap needs
    long from = Long.MIN_VALUE; // the oldest first; each batch goes on where the last stopped
    while (stored > maxSpans) {
      long excess = stored - maxSpans;
      int batch =
          spansPerRun == 0
              ? 1
              : (int) Math.min(settings.batchSize(), Math.max(1, Math.ceil(excess / spansPerRun)));
      TracePurge.Purged purged = purge.purgeOldestEnded(from, batch);
      if (purged.read() == 0) {
        break; // only runs still going are left
      }
      from = purged.nextFrom();
      stored -= purged.spans();
      evicted += purged.spans();
      runs += purged.runs();
      spansPerRun = runs == 0 ? 0 : Math.max(1, evicted / (double) runs);
    }
    stats.stored(stored);
    if (evicted > 0) {
      stats.evicted(runs, evicted);
      long spans = evicted;
      int count = runs;
      LOG.info(
          () ->
              "Span cap ("
                  + maxSpans
                  + " spans): purged the "
                  + count
                  + " oldest runs, "
                  + spans
                  + " spans");
    }
    return evicted;
  }

  /**
   * Drops the partitions of runs and spans every row of which is older than the cutoff
   * (PostgreSQL): a statement each instead of deleting their rows. What is older in the partition
   * that straddles the cutoff is then deleted row by row ({@link #purgeOlderThan}). Returns how
   * many it dropped.
   */
  public int dropPartitionsEndingBefore(Instant cutoff) {
    if (!partitions.partitioned()) {
      return 0;
    }
    int dropped = 0;
    for (PartitionedTable table :
        List.of(PartitionedTable.RUNS, PartitionedTable.SPANS, PartitionedTable.NODE_ROLLUPS)) {
      for (Partition partition : partitions.partitions(table)) {
        if (partition.endsBefore(cutoff.toEpochMilli())) {
          partitions.drop(partition);
          partitionStats.countDropped(partition.bytes());
          dropped++;
          LOG.info(
              () ->
                  "Retention dropped partition "
                      + partition.name()
                      + " ("
                      + partition.bytes() / (1024 * 1024)
                      + " MiB), all of it older than "
                      + cutoff);
        }
      }
    }
    return dropped;
  }

  /** Purges every run started before the cutoff, a batch per transaction; returns how many. */
  public int purgeOlderThan(Instant cutoff) {
    int total = 0;
    int deleted;
    do {
      deleted = purge.purgeBatch(cutoff.toEpochMilli(), settings.batchSize());
      total += deleted;
    } while (deleted == settings.batchSize());
    stats.purgedByAge(total);
    int count = total;
    if (count > 0) {
      LOG.info(() -> "Retention purged " + count + " runs started before " + cutoff);
    }
    return total;
  }
}
