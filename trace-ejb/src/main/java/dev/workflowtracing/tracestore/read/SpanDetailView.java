package dev.workflowtracing.tracestore.read;

import java.util.List;

/** One span with its artifacts. */
public record SpanDetailView(String traceId, SpanView span, List<ArtifactView> artifacts) {}
