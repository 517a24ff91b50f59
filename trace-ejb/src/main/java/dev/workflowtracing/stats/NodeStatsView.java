package dev.workflowtracing.stats;

/**
 * One node's figures over a time range, as the API shows them.
 *
 * @param executions times the node ran (succeeded, failed or cancelled with its run)
 * @param errorRate failed executions per execution
 * @param retryRate attempts beyond the first, per execution
 * @param p50Ms percentiles of the node's duration by {@link DurationHistogram}'s definition; null
 *     without executions
 * @param cost in the prices' currency; null when none of its calls had a price
 * @param slowestTraceId the trace of its slowest execution in the range
 * @param latestFailedTraceId the trace of its latest failed execution in the range, null if none
 */
public record NodeStatsView(
    String nodeId,
    long executions,
    long succeeded,
    long failed,
    long cancelled,
    double errorRate,
    double retryRate,
    Long p50Ms,
    Long p95Ms,
    Long p99Ms,
    long inputTokens,
    long outputTokens,
    Double cost,
    Long costNanos,
    Long slowestMs,
    String slowestTraceId,
    String latestFailedTraceId) {}
