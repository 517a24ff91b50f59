package dev.workflowtracing.instrumentation;

/**
 * A batch processor's queue: spans waiting in it, how many it can hold, and how many it dropped
 * since startup because it was full.
 */
public record QueueState(String name, long size, int capacity, long dropped) {}
