package dev.workflowtracing.web.admin;

import dev.workflowtracing.instrumentation.ExporterStats;
import dev.workflowtracing.instrumentation.PipelineHealth;
import dev.workflowtracing.instrumentation.QueueState;
import dev.workflowtracing.tracestore.RunJournal;
import dev.workflowtracing.workflow.engine.queue.QueueDepth;
import java.util.List;

/** Counters of the tracing pipeline: per exporter, per processor queue, and the retry buffer. */
public record PipelineView(
    boolean enabled,
    boolean recording,
    List<ExporterView> exporters,
    List<QueueState> queues,
    int retryBufferSpans,
    RunJournalView runJournal,
    RunQueueView runQueue) {

  /** Runs this server accepted onto the run queue and has not started yet. */
  public record RunQueueView(int depth, long oldestAgeSeconds) {
    static RunQueueView of(QueueDepth queue) {
      return new RunQueueView(
          queue.depth(), queue.oldestAgeMillis(System.currentTimeMillis()) / 1000);
    }
  }

  /** The run journal: run rows waiting for the database, dropped, repaired and set aside. */
  public record RunJournalView(int pending, long dropped, long repaired, long rejected) {
    static RunJournalView of(RunJournal journal) {
      return new RunJournalView(
          journal.pendingWrites(),
          journal.droppedWrites(),
          journal.repairedWrites(),
          journal.rejectedWrites());
    }
  }

  /** One exporter's counters since startup. */
  public record ExporterView(
      String name,
      long exported,
      long failed,
      long dropped,
      long rejected,
      String lastError,
      String lastErrorAt) {

    static ExporterView of(ExporterStats s) {
      return new ExporterView(
          s.name(),
          s.exported(),
          s.failed(),
          s.dropped(),
          s.rejected(),
          s.lastError(),
          s.lastErrorAt() == null ? null : s.lastErrorAt().toString());
    }
  }

  static PipelineView of(
      PipelineHealth health, boolean recording, RunJournal journal, QueueDepth queue) {
    return new PipelineView(
        health.enabled(),
        recording,
        health.exporters().stream().map(ExporterView::of).toList(),
        health.queues(),
        health.retryBufferSpans(),
        RunJournalView.of(journal),
        RunQueueView.of(queue));
  }
}
