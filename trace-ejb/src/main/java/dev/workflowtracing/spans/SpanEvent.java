package dev.workflowtracing.spans;

import io.opentelemetry.api.common.Attributes;

/** An event of a span: a name, its time (epoch nanoseconds) and attributes. */
public record SpanEvent(String name, long epochNanos, Attributes attributes) {}
