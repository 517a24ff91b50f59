package dev.workflowtracing.ingest;

import java.time.Duration;

/**
 * Spans not taken, none of them stored: the store is busy (answer 429) or unavailable (503), and
 * the sender should try again after {@code retryAfter}, as OTLP/HTTP specifies.
 */
public final class IngestRefused extends Exception {

  /** Why: the receiver's writes are all taken, or the database does not answer. */
  public enum Reason {
    BUSY,
    UNAVAILABLE
  }

  private final Reason reason;
  private final Duration retryAfter;

  IngestRefused(Reason reason, Duration retryAfter, String message) {
    super(message, null, false, false);
    this.reason = reason;
    this.retryAfter = retryAfter;
  }

  public Reason reason() {
    return reason;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
