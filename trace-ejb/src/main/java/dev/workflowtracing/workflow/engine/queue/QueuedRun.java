package dev.workflowtracing.workflow.engine.queue;

/**
 * A run accepted onto the run queue: what the caller gets back at once.
 *
 * @param inputsJson its inputs, redacted, as JSON text
 */
public record QueuedRun(
    String runId, String workflowId, int workflowVersion, long queuedAtMillis, String inputsJson) {}
