package dev.workflowtracing.instrumentation;

import dev.workflowtracing.conventions.WorkflowAttributes;
import dev.workflowtracing.spans.FinishedSpan;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes spans to the application database through a {@link SpanSink}.
 *
 * <p>A failed write does not lose the batch: it waits in a bounded retry buffer and is written
 * again with exponential backoff on later exports or flushes. Only when the buffer is full are the
 * oldest spans dropped, and every dropped span is counted and logged. Nothing is ever thrown to the
 * processor, so a database outage cannot reach a workflow run.
 */
public final class PersistingSpanExporter implements SpanExporter {

  private static final Logger LOG = Logger.getLogger(PersistingSpanExporter.class.getName());
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
  private static final int MAX_LOGGED_RUNS = 5;

  private final SpanSink sink;
  private final int bufferCapacity;
  private final LongSupplier nanoClock;
  private final ExporterStats stats;
  private final AtomicBoolean isShutdown = new AtomicBoolean();

  // Guarded by this: batches that failed to write, oldest first.
  /** A batch waiting for the database, with what it weighs (estimated once). */
  private record Pending(List<FinishedSpan> spans, long bytes) {
    static Pending of(List<FinishedSpan> spans) {
      long bytes = 0;
      for (FinishedSpan span : spans) {
        bytes += SpanBytes.estimate(span);
      }
      return new Pending(spans, bytes);
    }
  }

  private final Deque<Pending> pending = new ArrayDeque<>();
  private int pendingSpans;
  private final long maxBytes;
  private long pendingBytes;
  private long nextAttemptNanos;
  private Duration backoff = FIRST_BACKOFF;

  private PersistingSpanExporter(
      SpanSink sink,
      int bufferCapacity,
      long maxBytes,
      LongSupplier nanoClock,
      ExporterStats stats) {
    this.sink = sink;
    this.bufferCapacity = bufferCapacity;
    this.maxBytes = maxBytes;
    this.nanoClock = nanoClock;
    this.stats = stats;
  }

  /**
   * @param bufferCapacity the most spans kept for retry
   * @param maxBytes the most bytes they may hold ({@link SpanBytes}): beyond either, the oldest go
   */
  public static PersistingSpanExporter create(
      SpanSink sink, int bufferCapacity, long maxBytes, ExporterStats stats) {
    return new PersistingSpanExporter(sink, bufferCapacity, maxBytes, System::nanoTime, stats);
  }

  /** For tests: a clock that the test advances. */
  static PersistingSpanExporter create(
      SpanSink sink,
      int bufferCapacity,
      long maxBytes,
      LongSupplier nanoClock,
      ExporterStats stats) {
    return new PersistingSpanExporter(sink, bufferCapacity, maxBytes, nanoClock, stats);
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    stats.received(spans.size());
    if (isShutdown.get()) {
      stats.dropped(spans.size());
      return CompletableResultCode.ofFailure();
    }
    synchronized (this) {
      enqueue(FinishedSpans.of(spans));
      return writePending(false);
    }
  }

  @Override
  public CompletableResultCode flush() {
    synchronized (this) {
      return writePending(true);
    }
  }

  @Override
  public CompletableResultCode shutdown() {
    if (!isShutdown.compareAndSet(false, true)) {
      return CompletableResultCode.ofSuccess();
    }
    synchronized (this) {
      CompletableResultCode result = writePending(true);
      if (pendingSpans > 0) {
        LOG.warning(
            () ->
                "Shutdown: "
                    + pendingSpans
                    + " spans could not be stored and are lost, of runs "
                    + runIdsOf(pending.stream().flatMap(p -> p.spans().stream()).toList()));
        stats.dropped(pendingSpans);
        pending.clear();
        pendingSpans = 0;
        pendingBytes = 0;
      }
      return result;
    }
  }

  /** Retries the buffered batches if their backoff has passed; called by a timer. */
  public CompletableResultCode retryPending() {
    synchronized (this) {
      return pendingSpans == 0 ? CompletableResultCode.ofSuccess() : writePending(false);
    }
  }

  /** Spans waiting in the retry buffer. */
  public synchronized int pendingSpans() {
    return pendingSpans;
  }

  /** What they weigh, estimated. */
  synchronized long pendingBytes() {
    return pendingBytes;
  }

  private void enqueue(List<FinishedSpan> batch) {
    if (batch.isEmpty()) {
      return;
    }
    Pending added = Pending.of(batch);
    pending.addLast(added);
    pendingSpans += batch.size();
    pendingBytes += added.bytes();
    while (pendingSpans > bufferCapacity || pendingBytes > maxBytes) {
      Pending dropped = pending.removeFirst();
      List<FinishedSpan> oldest = dropped.spans();
      pendingSpans -= oldest.size();
      pendingBytes -= dropped.bytes();
      stats.dropped(oldest.size());
      LOG.warning(
          () ->
              "Retry buffer full ("
                  + bufferCapacity
                  + " spans or "
                  + maxBytes
                  + " bytes): dropped "
                  + oldest.size()
                  + " spans of runs "
                  + runIdsOf(oldest)
                  + "; total dropped "
                  + stats.dropped());
    }
  }

  /** Writes buffered batches oldest first, unless a failure's backoff has not yet passed. */
  private CompletableResultCode writePending(boolean ignoreBackoff) {
    if (!ignoreBackoff && nanoClock.getAsLong() - nextAttemptNanos < 0) {
      return CompletableResultCode.ofSuccess();
    }
    while (!pending.isEmpty()) {
      Pending first = pending.peekFirst();
      List<FinishedSpan> batch = first.spans();
      try {
        sink.store(batch);
        stats.exported(batch.size());
      } catch (RuntimeException e) {
        stats.failed(batch.size(), e);
        if (sink.isTransient(e)) {
          scheduleRetry(e);
          return CompletableResultCode.ofFailure();
        }
        // One span the database will never take must not hold back the others: find it.
        List<FinishedSpan> waiting = storeOneByOne(batch);
        if (!waiting.isEmpty()) {
          Pending left = Pending.of(waiting);
          pending.removeFirst();
          pending.addFirst(left);
          pendingSpans -= batch.size() - waiting.size();
          pendingBytes -= first.bytes() - left.bytes();
          scheduleRetry(e);
          return CompletableResultCode.ofFailure();
        }
      }
      pending.removeFirst();
      pendingSpans -= batch.size();
      pendingBytes -= first.bytes();
      backoff = FIRST_BACKOFF;
    }
    return CompletableResultCode.ofSuccess();
  }

  /**
   * Stores each span of a batch that failed for good on its own; the ones that still fail are set
   * aside, counted and logged. Returns the spans left to retry if the database became unavailable
   * meanwhile.
   */
  private List<FinishedSpan> storeOneByOne(List<FinishedSpan> batch) {
    for (int i = 0; i < batch.size(); i++) {
      FinishedSpan span = batch.get(i);
      try {
        sink.store(List.of(span));
        stats.exported(1);
      } catch (RuntimeException e) {
        if (sink.isTransient(e)) {
          return List.copyOf(batch.subList(i, batch.size()));
        }
        stats.rejected(1);
        LOG.warning(
            () ->
                "Set aside span "
                    + span.spanId()
                    + " ("
                    + span.name()
                    + ") of trace "
                    + span.traceId()
                    + runIdOf(span)
                    + ", which the database refuses: "
                    + e);
      }
    }
    return List.of();
  }

  /** The runs a batch belongs to, for the log: a handful, then how many more. */
  static String runIdsOf(List<FinishedSpan> batch) {
    List<String> runs =
        batch.stream()
            .map(s -> s.attributes().get(WorkflowAttributes.RUN_ID))
            .filter(java.util.Objects::nonNull)
            .distinct()
            .toList();
    return runs.size() <= MAX_LOGGED_RUNS
        ? runs.toString()
        : runs.subList(0, MAX_LOGGED_RUNS) + " and " + (runs.size() - MAX_LOGGED_RUNS) + " more";
  }

  private static String runIdOf(FinishedSpan span) {
    String runId = span.attributes().get(WorkflowAttributes.RUN_ID);
    return runId == null ? "" : ", run " + runId;
  }

  private void scheduleRetry(RuntimeException e) {
    LOG.log(
        Level.WARNING,
        "Could not store spans ("
            + pendingSpans
            + " waiting); retrying in "
            + backoff.toMillis()
            + " ms: "
            + e,
        LOG.isLoggable(Level.FINE) ? e : null);
    nextAttemptNanos = nanoClock.getAsLong() + backoff.toNanos();
    Duration doubled = backoff.multipliedBy(2);
    backoff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
  }

  @Override
  public String toString() {
    return "PersistingSpanExporter{bufferCapacity=" + bufferCapacity + "}";
  }
}
