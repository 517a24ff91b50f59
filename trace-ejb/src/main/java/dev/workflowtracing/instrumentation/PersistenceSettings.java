package dev.workflowtracing.instrumentation;

import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * The database exporter's settings, {@code tracing.persistence.*}, read once: the pipeline sizes
 * its queue and retry buffer from them, the trace store writes and filters with them.
 *
 * @param indexedAttributes attribute keys also written as rows ({@code none}, {@code *} or a list)
 * @param runEndWait how long a run's end waits for its spans to be stored before its final status
 *     is ({@code tracing.persistence.run-end-wait-ms}; zero: it does not wait)
 * @param copy span rows go into PostgreSQL with COPY rather than batched inserts
 */
public record PersistenceSettings(
    boolean enabled,
    int maxQueueSize,
    int retryBufferSize,
    long retryBufferMaxBytes,
    String indexedAttributes,
    boolean asynchronousCommit,
    Duration runEndWait,
    boolean copy) {

  public static PersistenceSettings from(Config config) {
    return new PersistenceSettings(
        config.getValue("tracing.persistence.enabled", Boolean.class),
        config.getValue("tracing.persistence.max.queue.size", Integer.class),
        config.getValue("tracing.persistence.retry.buffer.size", Integer.class),
        TracingSettings.atLeastOneMebibyte(config, "tracing.persistence.retry.buffer.max-bytes"),
        config.getValue("tracing.persistence.indexed-attributes", String.class),
        config.getValue("tracing.persistence.asynchronous-commit", Boolean.class),
        Duration.ofMillis(
            Math.max(0, config.getValue("tracing.persistence.run-end-wait-ms", Long.class))),
        config.getValue("tracing.persistence.copy", Boolean.class));
  }
}
