package dev.workflowtracing.compare;

/**
 * What one node did in one run, from its stored spans.
 *
 * @param status SUCCEEDED, FAILED or CANCELLED
 * @param attempts attempts it made (the node span's count, else its attempt spans)
 * @param cost in the prices' currency; null when none of its calls had a price
 * @param spanId its node span, for links into the trace
 */
public record NodeSide(
    String status,
    int attempts,
    long durationMs,
    long inputTokens,
    long outputTokens,
    long totalTokens,
    Double cost,
    Long costNanos,
    String spanId) {

  static NodeSide of(
      String status,
      int attempts,
      long durationMs,
      long inputTokens,
      long outputTokens,
      Long costNanos,
      String spanId) {
    return new NodeSide(
        status,
        attempts,
        durationMs,
        inputTokens,
        outputTokens,
        inputTokens + outputTokens,
        costNanos == null ? null : costNanos / 1e9,
        costNanos,
        spanId);
  }
}
