package dev.workflowtracing.instrumentation;

import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * In front of the database's batch processor: counts the sampled spans handed to it, so that a
 * run's end can wait until the database exporter has dealt with every span that ended before it
 * (stored, set aside or dropped, as its {@link ExporterStats} count them). A flush of the SDK's
 * processor alone does not say that: a flush asked for while another is under way completes with
 * that one, without the spans that ended meanwhile (a run lost its last spans to a kill so).
 */
final class DatabaseWatermark extends ForwardingSpanProcessor {

  private static final long FIRST_PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
  private static final long LAST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final SpanProcessor processor;
  private final ExporterStats stats;
  private final AtomicLong handedOn = new AtomicLong();

  DatabaseWatermark(SpanProcessor processor, ExporterStats stats) {
    this.processor = processor;
    this.stats = stats;
  }

  /**
   * Waits until every span handed on before this call has been dealt with, at most {@code limit};
   * false when the limit passed first (the database is slow or down: the spans wait for a retry).
   */
  boolean awaitStored(Duration limit) {
    long target = handedOn.get();
    long deadline = System.nanoTime() + limit.toNanos();
    long before = dealtWith();
    long pause = FIRST_PAUSE_NANOS;
    while (before < target) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      processor.forceFlush().join(left, TimeUnit.NANOSECONDS);
      long after = dealtWith();
      if (after == before) {
        if (after + processorDrops() >= target) {
          return true; // the processor dropped the rest (BoundedSpanQueue is meant to prevent it)
        }
        // Nothing came of that flush: a span counted here is not in the processor's queue yet (its
        // thread is between the two), or the database is failing. Ask again later, each time
        // later, so that waits during an outage do not flood the processor with flushes.
        LockSupport.parkNanos(Math.min(pause, left));
        pause = Math.min(2 * pause, LAST_PAUSE_NANOS);
      } else {
        // The flush joined was one under way already, without this run's last spans: the next
        // starts at once (a fixed pause here cost such a run's end a millisecond).
        pause = FIRST_PAUSE_NANOS;
      }
      before = after;
    }
    return true;
  }

  // Without the processor's own drops, which take a collection of its metrics to read: asked for
  // only when a flush brought nothing (a metric collection at every run's end showed in profiles).
  private long dealtWith() {
    return stats.exported() + stats.rejected() + stats.droppedOutsideProcessor();
  }

  private long processorDrops() {
    return stats.dropped() - stats.droppedOutsideProcessor();
  }

  @Override
  public void onEnd(ReadableSpan span) {
    if (span.getSpanContext().isSampled()) {
      handedOn.incrementAndGet();
    }
    processor.onEnd(span);
  }

  @Override
  protected SpanProcessor next() {
    return processor;
  }
}
