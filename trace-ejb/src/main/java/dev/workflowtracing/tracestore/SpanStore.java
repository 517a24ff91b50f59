package dev.workflowtracing.tracestore;

import dev.workflowtracing.instrumentation.PersistenceSettings;
import dev.workflowtracing.instrumentation.redaction.RedactionSettings;
import dev.workflowtracing.spans.FinishedSpan;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Collection;

/**
 * Writes finished spans. Called from the span processor's own thread, which has no container
 * transaction: REQUIRES_NEW gives each batch one transaction, which {@link SpanWriter} fills with
 * JDBC batches.
 *
 * <p>A singleton, not a stateless bean, so that {@code TracingPipeline} can {@code @DependsOn} it:
 * the container then keeps this store running until the tracing pipeline has flushed its last spans
 * on undeploy or shutdown (a stateless bean was already stopped by then, losing them). Concurrent
 * calls are safe: the injected EntityManager is per transaction.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SpanStore {

  @PersistenceContext EntityManager em;

  @Resource TransactionSynchronizationRegistry transactions;
  @Inject TraceCache cache;

  @Inject PersistenceSettings persistence;
  @Inject RedactionSettings redaction;

  private SpanWriter.Options options;

  @PostConstruct
  void readOptions() {
    options =
        new SpanWriter.Options(
            redaction.maxArtifactLength(),
            IndexedAttributes.parse(persistence.indexedAttributes()),
            persistence.asynchronousCommit(),
            persistence.copy());
  }

  /** Our own spans and foreign ones (OTLP, import) alike; foreign ones are counted on their run. */
  public void store(Collection<FinishedSpan> spans) {
    SpanWriter.write(em, spans, options);
    ForeignSpanCounts.count(em, spans, cache, transactions);
  }

  /** Whether the database answers at all: tells a refused span from an unavailable database. */
  public boolean answers() {
    em.createNativeQuery("select 1").getSingleResult();
    return true;
  }
}
