package dev.workflowtracing.tracing;

import dev.workflowtracing.trace.SpanStore;
import dev.workflowtracing.tracing.redaction.RedactingSpanProcessor;
import dev.workflowtracing.tracing.redaction.RedactingSpanProcessor.Downstream;
import dev.workflowtracing.tracing.redaction.Redactor;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource.AuthenticationType;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Builds the application's own OpenTelemetry SDK at startup from MicroProfile Config: one
 * BatchSpanProcessor per exporter (OTLP and the database), so a dead collector never starves the
 * database exporter. On undeploy or server shutdown both processors are flushed before the database
 * goes away ({@code @DependsOn} keeps the singleton SpanStore alive until this bean is destroyed).
 */
@Singleton
@LocalBean
@Startup
@DependsOn({"SchemaMigration", "SpanStore"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TracingBootstrap {

  private static final Logger LOG = Logger.getLogger(TracingBootstrap.class.getName());
  private static final long SHUTDOWN_TIMEOUT_SECONDS = 30;

  @EJB SpanStore spanStore;
  @Inject Redactor redactor;
  @Inject TracerHolder tracerHolder;

  @jakarta.annotation.Resource(authenticationType = AuthenticationType.CONTAINER)
  ManagedScheduledExecutorService scheduler;

  private volatile TracingSettings settings;
  private volatile SdkTracerProvider tracerProvider;
  private volatile PersistingSpanExporter persistingExporter;
  private volatile ScheduledFuture<?> retryTimer;
  private final List<ExporterStats> exporterStats = new ArrayList<>();
  private final Map<String, Integer> queueCapacities = new LinkedHashMap<>();
  private volatile List<Downstream> downstreams = List.of();

  @PostConstruct
  void start() {
    settings = TracingSettings.from(ConfigProvider.getConfig());
    if (!settings.enabled()) {
      LOG.info("Tracing is disabled (tracing.enabled=false): workflows run untraced");
      return;
    }
    List<Downstream> processors = new ArrayList<>();
    if (settings.otlpEnabled()) {
      addOtlp(processors);
    }
    if (settings.persistenceEnabled()) {
      addPersistence(processors);
    }
    tracerProvider =
        SdkTracerProvider.builder()
            .setResource(resource())
            .setSampler(sampler())
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
                + (settings.persistenceEnabled() ? "on" : "off"));
  }

  @PreDestroy
  void stop() {
    if (retryTimer != null) {
      retryTimer.cancel(false);
    }
    if (tracerProvider != null) {
      var result = tracerProvider.shutdown().join(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      LOG.info(
          () -> "Tracing shut down; all spans flushed: " + (result.isSuccess() ? "yes" : "no"));
    }
  }

  public TracingSettings settings() {
    return settings;
  }

  /** Whether new runs are traced now. */
  public boolean recording() {
    return tracerHolder.recording();
  }

  /**
   * Pauses or resumes recording new traces at runtime, until the next restart (the kill switch for
   * an incident; {@code tracing.enabled} is the lasting one). Spans already queued are still
   * exported. With tracing disabled by configuration there is nothing to resume: {@link
   * #recording()} stays false.
   */
  public void record(boolean recording) {
    tracerHolder.pause(!recording);
    LOG.info(recording ? "Recording of new traces resumed" : "Recording of new traces paused");
  }

  public List<ExporterStats> exporterStats() {
    return List.copyOf(exporterStats);
  }

  /** Per processor: spans handed to it, and how many its queue can hold. */
  public List<QueueState> queues() {
    Map<String, Long> received = new LinkedHashMap<>();
    exporterStats.forEach(s -> received.put(s.name(), s.received()));
    return downstreams.stream()
        .map(
            d ->
                new QueueState(
                    d.name(),
                    Math.max(0, d.handed().get() - received.getOrDefault(d.name(), 0L)),
                    queueCapacities.getOrDefault(d.name(), 0)))
        .toList();
  }

  public int pendingRetrySpans() {
    return persistingExporter == null ? 0 : persistingExporter.pendingSpans();
  }

  private void addOtlp(List<Downstream> processors) {
    try {
      ExporterStats stats = new ExporterStats("otlp");
      SpanExporter exporter = new CountingSpanExporter(OtlpExporterFactory.create(settings), stats);
      processors.add(new Downstream("otlp", batchProcessor(exporter, settings.maxQueueSize())));
      queueCapacities.put("otlp", settings.maxQueueSize());
      exporterStats.add(stats);
    } catch (IllegalArgumentException e) {
      LOG.log(Level.SEVERE, "OTLP export is off: " + e.getMessage());
    }
  }

  private void addPersistence(List<Downstream> processors) {
    var config = ConfigProvider.getConfig();
    ExporterStats stats = new ExporterStats("database");
    persistingExporter =
        PersistingSpanExporter.create(
            spanStore::store,
            config.getValue("tracing.persistence.retry.buffer.size", Integer.class),
            stats);
    int queueSize = config.getValue("tracing.persistence.max.queue.size", Integer.class);
    processors.add(new Downstream("database", batchProcessor(persistingExporter, queueSize)));
    queueCapacities.put("database", queueSize);
    exporterStats.add(stats);
    // Retries buffered batches even when no new spans arrive to trigger an export.
    retryTimer =
        scheduler.scheduleWithFixedDelay(persistingExporter::retryPending, 1, 1, TimeUnit.SECONDS);
  }

  private BatchSpanProcessor batchProcessor(SpanExporter exporter, int queueSize) {
    return BatchSpanProcessor.builder(exporter)
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
    return Resource.getDefault().merge(Resource.create(attributes.build()));
  }
}
