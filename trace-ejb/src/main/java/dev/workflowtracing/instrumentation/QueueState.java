package dev.workflowtracing.instrumentation;

/**
 * A batch processor's queue: spans waiting in it, how many it can hold, how many it dropped since
 * startup because it was full (of spans or of bytes), and the bytes its spans hold (queued or being
 * exported, estimated) against its bound in bytes.
 */
public record QueueState(
    String name, long size, int capacity, long dropped, long bytes, long capacityBytes) {}
