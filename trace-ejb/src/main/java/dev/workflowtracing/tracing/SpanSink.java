package dev.workflowtracing.tracing;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Collection;

/** Where the persistence exporter writes a batch of finished spans; throws if it cannot. */
@FunctionalInterface
public interface SpanSink {

  void store(Collection<SpanData> spans);
}
