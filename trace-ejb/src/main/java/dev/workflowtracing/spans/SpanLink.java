package dev.workflowtracing.spans;

import io.opentelemetry.api.common.Attributes;

/** A link from a span to another span, possibly of another trace. */
public record SpanLink(String traceId, String spanId, Attributes attributes) {}
