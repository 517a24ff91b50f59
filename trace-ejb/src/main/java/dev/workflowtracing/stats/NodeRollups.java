package dev.workflowtracing.stats;

import dev.workflowtracing.workflow.run.RunExecuted;
import dev.workflowtracing.workflow.run.RunResult;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Keeps the per-node rollups up to date as runs end. Never fails a run: a run whose nodes cannot be
 * added (the database is down, say) is left out of the statistics, logged with its id and counted
 * ({@code workflow_tracing_rollup_runs_dropped_total}).
 */
@ApplicationScoped
public class NodeRollups {

  private static final Logger LOG = Logger.getLogger(NodeRollups.class.getName());

  @EJB NodeRollupWriter writer;

  private final AtomicLong written = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();

  void record(@Observes RunExecuted executed) {
    RunResult run = executed.run();
    if (run.nodes().isEmpty()) {
      return;
    }
    RuntimeException failure = null;
    // Twice: two servers making the same hour's row at once fail one of them, once.
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        writer.add(run);
        written.incrementAndGet();
        return;
      } catch (RuntimeException e) {
        failure = e;
      }
    }
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

  /** Runs whose nodes this server added to the rollups. */
  public long written() {
    return written.get();
  }

  /** Runs this server left out of the rollups. */
  public long dropped() {
    return dropped.get();
  }
}
