package dev.workflowtracing.tracestore;

import dev.workflowtracing.instrumentation.SpanSink;
import dev.workflowtracing.spans.FinishedSpan;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;

/**
 * The tracing pipeline's database exporter writes here: spans into the {@link SpanStore}, and a
 * failure classified by {@link StorageFailures} (only an unavailable database is retried).
 */
@ApplicationScoped
public class DatabaseSpanSink implements SpanSink {

  @EJB SpanStore spanStore;

  @Override
  public void store(Collection<FinishedSpan> spans) {
    spanStore.store(spans);
  }

  @Override
  public boolean isTransient(RuntimeException failure) {
    return StorageFailures.isTransient(failure, spanStore::answers);
  }
}
