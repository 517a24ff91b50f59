package dev.workflowtracing.instrumentation;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Collection;

/** Where the persistence exporter writes a batch of finished spans; throws if it cannot. */
@FunctionalInterface
public interface SpanSink {

  void store(Collection<SpanData> spans);

  /**
   * Whether a failure of {@link #store} may go away on retry (the database is unavailable), rather
   * than being caused by the spans themselves. Retrying is the safe default.
   */
  default boolean isTransient(RuntimeException failure) {
    return true;
  }
}
