package dev.workflowtracing.instrumentation;

import java.util.List;

/**
 * The tracing pipeline at one moment: per exporter its counters, per batch processor its queue, and
 * the spans waiting for the database to come back.
 */
public record PipelineHealth(
    boolean enabled,
    List<ExporterStats> exporters,
    List<QueueState> queues,
    int retryBufferSpans) {}
