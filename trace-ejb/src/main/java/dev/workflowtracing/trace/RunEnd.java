package dev.workflowtracing.trace;

/**
 * How a run ended, as recorded in its row.
 *
 * @param expectedSpans the spans the run produced: its root, one per executed node and one per
 *     attempt
 */
public record RunEnd(
    String runId,
    RunStatus status,
    long endedAtMillis,
    String outputsJson,
    String error,
    int expectedSpans) {}
