package dev.workflowtracing.instrumentation;

import dev.workflowtracing.spans.FinishedSpan;
import java.util.Collection;

/**
 * The storage port: where a batch of finished spans is written, by the persistence exporter (our
 * own spans) and by the OTLP receiver (other services' spans); throws if it cannot.
 */
@FunctionalInterface
public interface SpanSink {

  void store(Collection<FinishedSpan> spans);

  /**
   * Whether a failure of {@link #store} may go away on retry (the database is unavailable), rather
   * than being caused by the spans themselves. Retrying is the safe default.
   */
  default boolean isTransient(RuntimeException failure) {
    return true;
  }
}
