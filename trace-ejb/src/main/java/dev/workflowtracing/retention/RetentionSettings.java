package dev.workflowtracing.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Retention's settings, {@code tracing.retention.*}, read once.
 *
 * @param days runs older than this are purged; 0 or less keeps everything
 * @param maxSpans the most spans kept: beyond it the oldest ended runs go first; 0 for no cap
 */
public record RetentionSettings(int days, long intervalMinutes, int batchSize, long maxSpans) {

  static final String MAX_SPANS = "tracing.retention.max-spans";

  /** The smallest cap: fewer spans than a handful of big runs would evict runs as they end. */
  static final long MIN_MAX_SPANS = 10_000;

  public RetentionSettings {
    if (maxSpans != 0 && maxSpans < MIN_MAX_SPANS) {
      throw new IllegalArgumentException(
          MAX_SPANS
              + " must be 0 (no cap) or at least "
              + MIN_MAX_SPANS
              + " spans (got "
              + maxSpans
              + ")");
    }
  }

  public static RetentionSettings from(Config config) {
    return new RetentionSettings(
        config.getValue("tracing.retention.days", Integer.class),
        config.getValue("tracing.retention.interval-minutes", Long.class),
        config.getValue("tracing.retention.batch-size", Integer.class),
        config.getValue(MAX_SPANS, Long.class));
  }

  /** Whether anything is ever purged. */
  public boolean purges() {
    return days > 0 || maxSpans > 0;
  }

  /** Builds them once for injection. */
  @ApplicationScoped
  public static class Producer {
    @Produces
    @Singleton
    RetentionSettings settings() {
      return RetentionSettings.from(ConfigProvider.getConfig());
    }
  }
}
