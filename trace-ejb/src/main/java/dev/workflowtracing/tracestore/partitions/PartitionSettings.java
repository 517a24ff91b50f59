package dev.workflowtracing.tracestore.partitions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How the time-partitioned tables are kept (PostgreSQL): {@code
 * tracing.persistence.partition-interval} and {@code tracing.persistence.partitions-ahead}, read
 * once; a value that does not parse or is out of range stops the deployment, naming the key.
 *
 * @param ahead how many intervals after the current one have their partitions made already
 */
public record PartitionSettings(PartitionInterval interval, int ahead) {

  static final String AHEAD = "tracing.persistence.partitions-ahead";
  static final int MAX_AHEAD = 366;

  public PartitionSettings {
    if (ahead < 1 || ahead > MAX_AHEAD) {
      throw new IllegalArgumentException(
          AHEAD + " must be between 1 and " + MAX_AHEAD + " intervals (got " + ahead + ")");
    }
  }

  public static PartitionSettings from(Config config) {
    String ahead = config.getValue(AHEAD, String.class);
    try {
      return new PartitionSettings(
          PartitionInterval.parse(config.getValue(PartitionInterval.KEY, String.class)),
          Integer.parseInt(ahead.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          AHEAD + " must be a whole number of intervals (got \"" + ahead + "\")", e);
    }
  }

  /** Builds them once for injection. */
  @ApplicationScoped
  public static class Producer {
    @Produces
    @Singleton
    PartitionSettings settings() {
      return PartitionSettings.from(ConfigProvider.getConfig());
    }
  }
}
