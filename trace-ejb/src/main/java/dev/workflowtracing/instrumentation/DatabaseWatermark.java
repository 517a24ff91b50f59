package dev.workflowtracing.instrumentation;

import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In front of the database's batch processor: counts the sampled spans handed to it, so that a
 * run's end can wait until the database exporter has dealt with every span that ended before it
 * (stored, set aside or dropped, as its {@link ExporterStats} count them). A flush of the SDK's
 * processor alone does not say that: a flush asked for while another is under way completes with
 * that one, without the spans that ended meanwhile (a run lost its last spans to a kill so).
 */
final class DatabaseWatermark extends ForwardingSpanProcessor {

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
    while (dealtWith() < target) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      processor.forceFlush().join(left, TimeUnit.NANOSECONDS);
      if (dealtWith() < target) {
        pause(); // the flush joined was one under way already: ask again
      }
    }
    return true;
  }

  private long dealtWith() {
    return stats.exported() + stats.rejected() + stats.dropped();
  }

  private static void pause() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
