package dev.workflowtracing.stats;

import dev.workflowtracing.concurrent.PeriodicTasks;
import dev.workflowtracing.workflow.run.RunExecuted;
import dev.workflowtracing.workflow.run.RunResult;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Keeps the per-node rollups up to date as runs end: each run's nodes wait here (at most {@link
 * #MAX_PENDING_NODES}) and are added every {@link #FLUSH_EVERY}, all in one transaction, as runs
 * ending at once would otherwise queue on the lock of the same hour's rows. Never fails a run: a
 * run that cannot be added (none waiting has room, or the database is down) is left out of the
 * statistics, logged with its id and counted ({@code workflow_tracing_rollup_runs_dropped_total}).
 * A graceful shutdown adds what waits; a crash loses at most the last {@link #FLUSH_EVERY} of runs
 * from the statistics (never from the traces).
 */
@ApplicationScoped
public class NodeRollups {

  private static final Logger LOG = Logger.getLogger(NodeRollups.class.getName());

  /**
   * Config key: whether runs are added to the per-node statistics (default true). Read at every run
   * end, so a system property set through the management CLI takes effect at once (the rollup
   * benchmark alternates it so).
   */
  static final String ENABLED = "workflow.stats.rollups.enabled";

  static final Duration FLUSH_EVERY = Duration.ofMillis(250);

  /** Nodes of ended runs waiting to be added: a bound on memory, whatever the workflows' size. */
  static final int MAX_PENDING_NODES = 100_000;

  @EJB NodeRollupWriter writer;
  @Inject PeriodicTasks periodic;

  private final AtomicLong written = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final Object lock = new Object();
  private List<EndedRun> pending = new ArrayList<>();
  private int pendingNodes;
  private ScheduledFuture<?> flushing;

  @PostConstruct
  void start() {
    flushing = periodic.every("per-node rollups", FLUSH_EVERY, this::flush);
  }

  @PreDestroy
  void stop() {
    flushing.cancel(false);
    flush();
  }

  void record(@Observes RunExecuted executed) {
    RunResult run = executed.run();
    if (run.nodes().isEmpty() || !enabled()) {
      return;
    }
    synchronized (lock) {
      if (pendingNodes + run.nodes().size() <= MAX_PENDING_NODES) {
        pending.add(EndedRun.of(run));
        pendingNodes += run.nodes().size();
        return;
      }
    }
    dropped.incrementAndGet();
    LOG.warning(
        () ->
            "Run "
                + run.runId()
                + " is left out of the per-node statistics: "
                + MAX_PENDING_NODES
                + " nodes of ended runs wait to be added already");
  }

  /**
   * Adds the runs that wait, in one transaction (twice: two servers may make a row at once). If
   * that fails, each run is added on its own, so that a run that can never be added leaves out only
   * itself.
   */
  void flush() {
    List<EndedRun> runs;
    synchronized (lock) {
      if (pending.isEmpty()) {
        return;
      }
      runs = pending;
      pending = new ArrayList<>();
      pendingNodes = 0;
    }
    if (added(runs) == null) {
      return;
    }
    for (EndedRun run : runs) {
      RuntimeException failure = added(List.of(run));
      if (failure != null) {
        dropped.incrementAndGet();
        String cause = String.valueOf(failure);
        LOG.warning(
            () ->
                "Run "
                    + run.runId()
                    + " is left out of the per-node statistics: its nodes could not be added ("
                    + cause
                    + ")");
      }
    }
  }

  /** Adds the runs (trying twice); null once added, otherwise the last failure. */
  private RuntimeException added(List<EndedRun> runs) {
    RuntimeException failure = null;
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        writer.add(runs);
        written.addAndGet(runs.size());
        return null;
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    return failure;
  }

  private static boolean enabled() {
    return ConfigProvider.getConfig().getOptionalValue(ENABLED, Boolean.class).orElse(true);
  }

  /** Runs whose nodes this server added to the rollups. */
  public long written() {
    return written.get();
  }

  /** Runs this server left out of the rollups. */
  public long dropped() {
    return dropped.get();
  }
}
