package dev.workflowtracing.instrumentation;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * The tracing configuration, read once at startup. Keys follow OpenTelemetry's own names where they
 * exist ({@code otel.*}); defaults live in {@code META-INF/microprofile-config.properties}.
 */
public record TracingSettings(
    boolean enabled,
    String serviceName,
    String resourceAttributes,
    String tracesExporter,
    String otlpEndpoint,
    String otlpProtocol,
    Map<String, String> otlpHeaders,
    Duration otlpTimeout,
    String sampler,
    double samplerArg,
    Duration scheduleDelay,
    int maxQueueSize,
    long maxQueueBytes,
    int maxExportBatchSize,
    Duration exportTimeout,
    Duration otlpShutdownTimeout,
    String instanceId) {

  public static TracingSettings from(Config config) {
    return new TracingSettings(
        config.getValue("tracing.enabled", Boolean.class),
        config.getValue("otel.service.name", String.class),
        config.getOptionalValue("otel.resource.attributes", String.class).orElse(""),
        config.getValue("otel.traces.exporter", String.class).trim(),
        config.getValue("otel.exporter.otlp.endpoint", String.class).trim(),
        config.getValue("otel.exporter.otlp.protocol", String.class).trim(),
        keyValues(config.getOptionalValue("otel.exporter.otlp.headers", String.class).orElse("")),
        Duration.ofMillis(config.getValue("otel.exporter.otlp.timeout", Long.class)),
        config.getValue("otel.traces.sampler", String.class).trim(),
        config.getValue("otel.traces.sampler.arg", Double.class),
        Duration.ofMillis(config.getValue("otel.bsp.schedule.delay", Long.class)),
        config.getValue("otel.bsp.max.queue.size", Integer.class),
        atLeastOneMebibyte(config, MAX_QUEUE_BYTES),
        config.getValue("otel.bsp.max.export.batch.size", Integer.class),
        Duration.ofMillis(config.getValue("otel.bsp.export.timeout", Long.class)),
        Duration.ofMillis(config.getValue("tracing.shutdown.otlp-timeout-ms", Long.class)),
        ServerIdentity.of(config.getOptionalValue("tracing.instance.id", String.class)));
  }

  static final String MAX_QUEUE_BYTES = "tracing.queue.max-bytes";
  static final long ONE_MEBIBYTE = 1 << 20;

  /**
   * A bound in bytes, at least 1 MiB, or a startup error naming its key (one that does not parse
   * fails in the config's own conversion, which names the key too).
   */
  static long atLeastOneMebibyte(Config config, String key) {
    return atLeastOneMebibyte(key, config.getValue(key, Long.class));
  }

  static long atLeastOneMebibyte(String key, long value) {
    if (value < ONE_MEBIBYTE) {
      throw new IllegalArgumentException(
          key + " must be at least " + ONE_MEBIBYTE + " bytes (got " + value + ")");
    }
    return value;
  }

  public boolean otlpEnabled() {
    return enabled && "otlp".equalsIgnoreCase(tracesExporter);
  }

  /** Parses OpenTelemetry's {@code key1=value1,key2=value2} lists (headers, resource). */
  public static Map<String, String> keyValues(String list) {
    Map<String, String> result = new LinkedHashMap<>();
    for (String pair : list.split(",")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        result.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
    }
    return result;
  }
}
