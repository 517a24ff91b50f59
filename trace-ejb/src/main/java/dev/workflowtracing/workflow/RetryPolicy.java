package dev.workflowtracing.workflow;

import java.time.Duration;

/**
 * How often a node is attempted and how long to wait between attempts (exponential backoff).
 *
 * @param maxAttempts at least 1; 1 means no retry
 * @param backoff wait before the second attempt
 * @param multiplier factor applied to the wait before each further attempt
 */
public record RetryPolicy(int maxAttempts, Duration backoff, double multiplier) {

  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1.0);

  public Duration backoffBeforeAttempt(int attempt) {
    if (attempt <= 1) {
      return Duration.ZERO;
    }
    double factor = Math.pow(multiplier, attempt - 2);
    return Duration.ofMillis((long) (backoff.toMillis() * factor));
  }
}
