package dev.workflowtracing.instrumentation;

import dev.workflowtracing.concurrent.PeriodicTasks;
import dev.workflowtracing.instrumentation.redaction.RedactingSpanProcessor;
import dev.workflowtracing.instrumentation.redaction.RedactingSpanProcessor.Downstream;
import dev.workflowtracing.instrumentation.redaction.Redactor;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.InternalTelemetryVersion;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds the application's own OpenTelemetry SDK at startup from MicroProfile Config, and shuts it
 * down: one BatchSpanProcessor per exporter (OTLP and the database, through the {@link SpanSink}
 * port), so a dead collector never starves the database exporter. On undeploy or server shutdown
 * both processors are flushed before the database goes away ({@code @DependsOn} keeps the singleton
 * SpanStore alive until this bean is destroyed). Its state: {@link #health()}.
 */
@Singleton
@LocalBean
@Startup
@DependsOn({"SchemaMigration", "SpanStore", "PeriodicTasks"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TracingPipeline {

  private static final Logger LOG = Logger.getLogger(TracingPipeline.class.getName());
  // The database gets time to take the spans of runs that ran; the collector only a little, so
  // that a restart during a collector outage stays quick (tracing.shutdown.otlp-timeout-ms).
  private static final Duration DATABASE_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

  // Implemented by the trace store (a layer above): the pipeline knows only this port.
  @Inject SpanSink spanSink;
  @Inject Redactor redactor;
  @Inject TracerHolder tracerHolder;

  @Inject PeriodicTasks periodic;

  @Inject TracingSettings settings;
  @Inject PersistenceSettings persistence;
  private volatile SdkTracerProvider tracerProvider;
  private volatile PersistingSpanExporter persistingExporter;
  private volatile DatabaseWatermark databaseWatermark;
  private volatile ScheduledFuture<?> retryTimer;
  private final List<ExporterStats> exporterStats = new ArrayList<>();
  private final Map<String, ProcessorTelemetry> telemetry = new LinkedHashMap<>();
  private final Map<String, BoundedSpanQueue> queues = new LinkedHashMap<>();
  private volatile List<Downstream> downstreams = List.of();

  @PostConstruct
  void start() {
    if (!settings.enabled()) {
      LOG.info("Tracing is disabled (tracing.enabled=false): workflows run untraced");
      return;
    }
    List<Downstream> processors = new ArrayList<>();
    if (settings.otlpEnabled()) {
      addOtlp(processors);
    }
    if (settings.enabled() && persistence.enabled()) {
      addPersistence(processors);
    }
    tracerProvider =
        SdkTracerProvider.builder()
            .setResource(resource())
            .setSampler(sampler())
            .setIdGenerator(new TimeOrderedIdGenerator())
            .addSpanProcessor(new RedactingSpanProcessor(redactor, processors))
            .build();
    downstreams = List.copyOf(processors);
    tracerHolder.use(tracerProvider.get(TracerHolder.INSTRUMENTATION_SCOPE));
    LOG.info(
        () ->
            "Tracing enabled: service "
                + settings.serviceName()
                + ", sampler "
                + settings.sampler()
                + ", OTLP "
                + (settings.otlpEnabled()
                    ? settings.otlpProtocol() + " to " + settings.otlpEndpoint()
                    : "off")
                + ", database "
                + (settings.enabled() && persistence.enabled() ? "on" : "off"));
  }

  @PreDestroy
  void stop() {
    if (retryTimer != null) {
      retryTimer.cancel(false);
    }
    if (tracerProvider == null) {
      return;
    }
    Map<String, CompletableResultCode> flushed = new LinkedHashMap<>();
    downstreams.forEach(d -> flushed.put(d.name(), d.processor().shutdown()));
    List<String> outcome = new ArrayList<>();
    flushed.forEach(
        (name, result) -> {
          Duration timeout =
              "otlp".equals(name) ? settings.otlpShutdownTimeout() : DATABASE_SHUTDOWN_TIMEOUT;
          boolean done = result.join(timeout.toMillis(), TimeUnit.MILLISECONDS).isSuccess();
          outcome.add(
              name + (done ? " flushed" : " NOT flushed within " + timeout.toMillis() + " ms"));
        });
    tracerProvider.shutdown().join(1, TimeUnit.SECONDS);
    LOG.info(() -> "Tracing shut down: " + String.join(", ", outcome));
  }

  /**
   * Waits until the spans ended so far are in the database, at most {@code
   * tracing.persistence.run-end-wait-ms}: a run's end waits here, after its root span ended and
   * before its final status is recorded, so that a run reported finished has its trace stored even
   * if the server is killed the next moment ({@link DatabaseWatermark}). Concurrent waits share
   * flushes of the database processor, so the cost is smaller batches, not a transaction per run.
   * When the database is unavailable it gives up after the limit: tracing never holds a run back
   * for long.
   */
  public void awaitDatabase() {
    DatabaseWatermark watermark = databaseWatermark;
    Duration limit = persistence.runEndWait();
    if (watermark != null && !limit.isZero()) {
      watermark.awaitStored(limit);
    }
  }

  public TracingSettings settings() {
    return settings;
  }

  /** Exporters, queues and the retry buffer now. */
  public PipelineHealth health() {
    List<QueueState> queues = new ArrayList<>();
    telemetry.forEach(
        (name, t) -> {
          ProcessorTelemetry.Snapshot now = t.read();
          BoundedSpanQueue queue = this.queues.get(name);
          queues.add(
              new QueueState(
                  name,
                  now.queued(),
                  (int) now.capacity(),
                  now.dropped(),
                  queue.bytes(),
                  queue.maxBytes()));
        });
    return new PipelineHealth(
        settings.enabled(),
        List.copyOf(exporterStats),
        queues,
        persistingExporter == null ? 0 : persistingExporter.pendingSpans());
  }

  private void addOtlp(List<Downstream> processors) {
    try {
      ExporterStats stats = new ExporterStats("otlp");
      SpanExporter exporter = new CountingSpanExporter(OtlpExporterFactory.create(settings), stats);
      processors.add(
          new Downstream("otlp", boundedQueue("otlp", exporter, settings.maxQueueSize(), stats)));
      exporterStats.add(stats);
    } catch (IllegalArgumentException e) {
      LOG.log(Level.SEVERE, "OTLP export is off: " + e.getMessage());
    }
  }

  private void addPersistence(List<Downstream> processors) {
    ExporterStats stats = new ExporterStats("database");
    persistingExporter =
        PersistingSpanExporter.create(
            spanSink, persistence.retryBufferSize(), persistence.retryBufferMaxBytes(), stats);
    int queueSize = persistence.maxQueueSize();
    databaseWatermark =
        new DatabaseWatermark(
            boundedQueue("database", persistingExporter, queueSize, stats), stats);
    processors.add(new Downstream("database", databaseWatermark));
    exporterStats.add(stats);
    // Retries buffered batches even when no new spans arrive to trigger an export.
    retryTimer =
        periodic.every(
            "span write retries", Duration.ofSeconds(1), persistingExporter::retryPending);
  }

  /** A batch processor behind a bound in bytes ({@code tracing.queue.max-bytes}). */
  private BoundedSpanQueue boundedQueue(
      String name, SpanExporter exporter, int queueSize, ExporterStats stats) {
    BoundedSpanQueue queue =
        BoundedSpanQueue.of(
            name,
            queueSize,
            settings.maxQueueBytes(),
            stats,
            exporter,
            releasing -> batchProcessor(name, releasing, queueSize, stats));
    queues.put(name, queue);
    return queue;
  }

  /**
   * A batch processor whose own metrics (queue, drops when full) are read for the health view; its
   * drops count as its exporter's.
   */
  private BatchSpanProcessor batchProcessor(
      String name, SpanExporter exporter, int queueSize, ExporterStats stats) {
    ProcessorTelemetry processorTelemetry = ProcessorTelemetry.create();
    telemetry.put(name, processorTelemetry);
    stats.alsoDropped(() -> processorTelemetry.read().dropped());
    return BatchSpanProcessor.builder(exporter)
        .setMeterProvider(processorTelemetry::meterProvider)
        .setInternalTelemetryVersion(InternalTelemetryVersion.LATEST)
        .setScheduleDelay(settings.scheduleDelay())
        .setMaxQueueSize(queueSize)
        .setMaxExportBatchSize(Math.min(settings.maxExportBatchSize(), queueSize))
        .setExporterTimeout(settings.exportTimeout())
        .build();
  }

  private Sampler sampler() {
    try {
      return SamplerFactory.create(settings.sampler(), settings.samplerArg());
    } catch (IllegalArgumentException e) {
      LOG.severe(e.getMessage() + "; using parentbased_always_on");
      return Sampler.parentBased(Sampler.alwaysOn());
    }
  }

  private Resource resource() {
    var attributes = Attributes.builder();
    TracingSettings.keyValues(settings.resourceAttributes())
        .forEach((k, v) -> attributes.put(AttributeKey.stringKey(k), v));
    attributes.put(AttributeKey.stringKey("service.name"), settings.serviceName());
    if (!TracingSettings.keyValues(settings.resourceAttributes())
        .containsKey("service.instance.id")) {
      attributes.put(AttributeKey.stringKey("service.instance.id"), settings.instanceId());
    }
    return Resource.getDefault().merge(Resource.create(attributes.build()));
  }
}
