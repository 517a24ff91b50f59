package dev.workflowtracing.retention;

import dev.workflowtracing.tracestore.TracePurge;
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
import java.util.logging.Logger;

/**
 * Purges runs and traces older than {@code tracing.retention.days}, every {@code
 * tracing.retention.interval-minutes}, {@code tracing.retention.batch-size} runs per transaction.
 * {@code tracing.retention.days=0} keeps everything.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetentionJob {

  private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());

  @Resource TimerService timers;
  @EJB TracePurge purge;

  @Inject RetentionSettings settings;

  @PostConstruct
  void schedule() {
    if (settings.days() <= 0) {
      LOG.info("Retention is off (tracing.retention.days=0): traces are kept");
      return;
    }
    long interval = Duration.ofMinutes(Math.max(1, settings.intervalMinutes())).toMillis();
    // Not persistent: every server schedules its own purge, and a missed one simply runs next time.
    timers.createIntervalTimer(interval, interval, new TimerConfig("trace-retention", false));
    LOG.info(
        () ->
            "Retention: runs older than "
                + settings.days()
                + " days are purged every "
                + settings.intervalMinutes()
                + " minutes");
  }

  @Timeout
  void purgeExpired() {
    purgeOlderThan(Instant.now().minus(Duration.ofDays(settings.days())));
  }

  /** Purges every run started before the cutoff, a batch per transaction; returns how many. */
  public int purgeOlderThan(Instant cutoff) {
    int total = 0;
    int deleted;
    do {
      deleted = purge.purgeBatch(cutoff.toEpochMilli(), settings.batchSize());
      total += deleted;
    } while (deleted == settings.batchSize());
    int count = total;
    if (count > 0) {
      LOG.info(() -> "Retention purged " + count + " runs started before " + cutoff);
    }
    return total;
  }
}
