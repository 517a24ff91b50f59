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
 */
public record RetentionSettings(int days, long intervalMinutes, int batchSize) {

  public static RetentionSettings from(Config config) {
    return new RetentionSettings(
        config.getValue("tracing.retention.days", Integer.class),
        config.getValue("tracing.retention.interval-minutes", Long.class),
        config.getValue("tracing.retention.batch-size", Integer.class));
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
