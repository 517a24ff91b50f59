package dev.workflowtracing.instrumentation;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;

/** Counts what a delegate exporter (OTLP) exported and failed to export, for the health view. */
final class CountingSpanExporter implements SpanExporter {

  private final SpanExporter delegate;
  private final ExporterStats stats;

  CountingSpanExporter(SpanExporter delegate, ExporterStats stats) {
    this.delegate = delegate;
    this.stats = stats;
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    stats.received(spans.size());
    CompletableResultCode result = delegate.export(spans);
    result.whenComplete(
        () -> {
          if (result.isSuccess()) {
            stats.exported(spans.size());
          } else {
            Throwable failure = result.getFailureThrowable();
            stats.failed(
                spans.size(),
                failure != null ? failure : new IllegalStateException("export failed"));
          }
        });
    return result;
  }

  @Override
  public CompletableResultCode flush() {
    return delegate.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    return delegate.shutdown();
  }
}
