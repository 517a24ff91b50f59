package dev.workflowtracing.tracing;

/**
 * How full a batch processor's queue is: spans handed to it that its exporter has not received yet
 * (this includes any the processor dropped because the queue was full).
 */
public record QueueState(String name, long size, int capacity) {}
