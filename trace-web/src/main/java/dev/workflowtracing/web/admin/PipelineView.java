package dev.workflowtracing.web.admin;

import dev.workflowtracing.tracing.ExporterStats;
import dev.workflowtracing.tracing.QueueState;
import dev.workflowtracing.tracing.TracingBootstrap;
import java.util.List;

/** Counters of the tracing pipeline: per exporter, per processor queue, and the retry buffer. */
public record PipelineView(
    boolean enabled,
    boolean recording,
    List<ExporterView> exporters,
    List<QueueState> queues,
    int retryBufferSpans) {

  /** One exporter's counters since startup. */
  public record ExporterView(
      String name, long exported, long failed, long dropped, String lastError, String lastErrorAt) {

    static ExporterView of(ExporterStats s) {
      return new ExporterView(
          s.name(),
          s.exported(),
          s.failed(),
          s.dropped(),
          s.lastError(),
          s.lastErrorAt() == null ? null : s.lastErrorAt().toString());
    }
  }

  static PipelineView of(TracingBootstrap tracing) {
    return new PipelineView(
        tracing.settings().enabled(),
        tracing.recording(),
        tracing.exporterStats().stream().map(ExporterView::of).toList(),
        tracing.queues(),
        tracing.pendingRetrySpans());
  }
}
