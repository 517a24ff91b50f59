package dev.workflowtracing.ingest;

import dev.workflowtracing.instrumentation.SpanSink;
import dev.workflowtracing.instrumentation.redaction.Redactor;
import dev.workflowtracing.otlp.OtlpBatch;
import dev.workflowtracing.spans.FinishedSpan;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Stores the spans of one OTLP request, or refuses them all: redacted by the same rules as our own
 * spans, written through the storage port in the request's own time, and acknowledged only once
 * committed, so nothing acknowledged can be lost. At most {@code max-concurrent-writes} requests
 * read, decode and write at once ({@link #turn}); a request that does not get its turn within the
 * admission wait is refused as busy (429), one that finds the database down as unavailable (503),
 * both with a time to retry after. Memory is bounded by the writers' count times the body limit.
 */
@ApplicationScoped
public class SpanIngest {

  private static final Logger LOG = Logger.getLogger(SpanIngest.class.getName());
  static final Duration RETRY_BUSY = Duration.ofSeconds(1);
  static final Duration RETRY_UNAVAILABLE = Duration.ofSeconds(5);

  @Inject IngestSettings settings;
  @Inject Redactor redactor;
  @Inject SpanSink sink;
  @Inject IngestStats stats;

  private Semaphore writes;

  @PostConstruct
  void init() {
    writes = new Semaphore(settings.maxConcurrentWrites(), true);
  }

  /**
   * A writer's turn, taken before the request's body is read and decoded: the receiver then holds
   * at most {@code max-concurrent-writes} bodies at once, however many requests arrive. Refused as
   * busy (429) when no writer is free within the admission wait.
   */
  public Turn turn() throws IngestRefused {
    try {
      if (writes.tryAcquire(settings.admissionWait().toMillis(), TimeUnit.MILLISECONDS)) {
        return new Turn();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stats.refused(IngestRefused.Reason.BUSY);
    throw new IngestRefused(
        IngestRefused.Reason.BUSY,
        RETRY_BUSY,
        "the span store is busy: " + settings.maxConcurrentWrites() + " requests are writing");
  }

  /** One writer's turn; closing it lets the next request in. */
  public final class Turn implements AutoCloseable {
    private boolean closed;

    private Turn() {}

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        writes.release();
      }
    }
  }

  /** Stores one request's spans in a turn taken for it. */
  public IngestResult ingest(Turn turn, OtlpBatch batch) throws IngestRefused {
    stats.request();
    stats.rejected(batch.rejected());
    if (batch.spans().isEmpty()) {
      return new IngestResult(0, batch.rejected(), batch.rejectionMessage());
    }
    return store(batch.spans().stream().map(redactor::span).toList(), batch);
  }

  /** Takes a turn, stores, and gives the turn back. */
  public IngestResult ingest(OtlpBatch batch) throws IngestRefused {
    try (Turn turn = turn()) {
      return ingest(turn, batch);
    }
  }

  private IngestResult store(List<FinishedSpan> spans, OtlpBatch batch) throws IngestRefused {
    try {
      sink.store(spans);
      stats.stored(spans.size());
      return new IngestResult(spans.size(), batch.rejected(), batch.rejectionMessage());
    } catch (RuntimeException e) {
      if (sink.isTransient(e)) {
        stats.refused(IngestRefused.Reason.UNAVAILABLE);
        LOG.warning(() -> "OTLP spans refused, the database is unavailable: " + e);
        throw new IngestRefused(
            IngestRefused.Reason.UNAVAILABLE,
            RETRY_UNAVAILABLE,
            "the span store is unavailable (the database does not answer)");
      }
      return storeOneByOne(spans, batch);
    }
  }

  /**
   * A batch the database refused for good (a span it will never take, one stored already): each
   * span on its own, so that one bad span does not hold back the others; the refused ones are
   * reported rejected, counted and logged.
   */
  private IngestResult storeOneByOne(List<FinishedSpan> spans, OtlpBatch batch)
      throws IngestRefused {
    long stored = 0;
    long rejected = batch.rejected();
    String firstReason = batch.rejected() > 0 ? batch.rejectionMessage() : null;
    for (FinishedSpan span : spans) {
      try {
        sink.store(List.of(span));
        stored++;
      } catch (RuntimeException e) {
        if (sink.isTransient(e)) {
          stats.stored(stored);
          stats.refused(IngestRefused.Reason.UNAVAILABLE);
          throw new IngestRefused(
              IngestRefused.Reason.UNAVAILABLE,
              RETRY_UNAVAILABLE,
              "the span store became unavailable after " + stored + " spans were stored");
        }
        rejected++;
        stats.rejected(1);
        LOG.warning(
            () ->
                "OTLP span "
                    + span.spanId()
                    + " of trace "
                    + span.traceId()
                    + " set aside, the database refuses it: "
                    + e);
        if (firstReason == null) {
          firstReason = "the database refuses span " + span.spanId() + " (stored already?)";
        }
      }
    }
    stats.stored(stored);
    return new IngestResult(
        stored,
        rejected,
        rejected == 0 ? "" : rejected + " span(s) rejected; the first because " + firstReason);
  }
}
