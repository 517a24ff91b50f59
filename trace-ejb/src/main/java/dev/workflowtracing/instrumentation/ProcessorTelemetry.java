package dev.workflowtracing.instrumentation;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.MetricReader;

/**
 * One batch span processor's own metrics, as the OpenTelemetry SDK reports them (its internal
 * telemetry, semantic-convention names): spans in its queue, the queue's capacity, and spans it
 * dropped because the queue was full. Read when asked, for {@code /api/metrics} and the admin page;
 * nothing is exported.
 */
final class ProcessorTelemetry implements MetricReader {

  private static final String QUEUE_SIZE = "otel.sdk.processor.span.queue.size";
  private static final String QUEUE_CAPACITY = "otel.sdk.processor.span.queue.capacity";
  private static final String PROCESSED = "otel.sdk.processor.span.processed";
  private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  private volatile CollectionRegistration registration = CollectionRegistration.noop();
  private SdkMeterProvider meterProvider;

  private ProcessorTelemetry() {}

  static ProcessorTelemetry create() {
    ProcessorTelemetry telemetry = new ProcessorTelemetry();
    telemetry.meterProvider = SdkMeterProvider.builder().registerMetricReader(telemetry).build();
    return telemetry;
  }

  /** What the processor reports to: give it to the processor's builder. */
  MeterProvider meterProvider() {
    return meterProvider;
  }

  /** The processor's state now. */
  Snapshot read() {
    long queued = 0;
    long capacity = 0;
    long dropped = 0;
    for (MetricData metric : registration.collectAllMetrics()) {
      for (var point : metric.getData().getPoints()) {
        if (!(point instanceof LongPointData value)) {
          continue;
        }
        switch (metric.getName()) {
          case QUEUE_SIZE -> queued += value.getValue();
          case QUEUE_CAPACITY -> capacity += value.getValue();
          case PROCESSED -> {
            if (value.getAttributes().get(ERROR_TYPE) != null) {
              dropped += value.getValue();
            }
          }
          default -> {}
        }
      }
    }
    return new Snapshot(queued, capacity, dropped);
  }

  /** Spans queued, the queue's capacity, and spans dropped since startup. */
  record Snapshot(long queued, long capacity, long dropped) {}

  @Override
  public void register(CollectionRegistration registration) {
    this.registration = registration;
  }

  @Override
  public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
    return AggregationTemporality.CUMULATIVE;
  }

  @Override
  public CompletableResultCode forceFlush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }
}
