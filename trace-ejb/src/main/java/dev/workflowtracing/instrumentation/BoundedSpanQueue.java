package dev.workflowtracing.instrumentation;

import dev.workflowtracing.conventions.WorkflowAttributes;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Bounds what one batch processor holds in bytes as well as in spans (the SDK's processor counts
 * spans only, and a span with a prompt and a response weighs a hundred times one without). A span
 * that would take the queue over either bound is dropped here, counted as its exporter's drop and
 * logged with its run; its bytes come back when the export of its batch completes ({@link
 * #releasing}). Counting spans here too, against the processor's own capacity, means the processor
 * never drops a span itself: that drop could not give the bytes back.
 */
final class BoundedSpanQueue extends ForwardingSpanProcessor {

  private static final Logger LOG = Logger.getLogger(BoundedSpanQueue.class.getName());
  private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final int MAX_LOGGED_RUNS = 10;

  private final String name;
  private SpanProcessor processor; // set once, by the factory
  private final int maxSpans;
  private final long maxBytes;
  private final ExporterStats stats;
  private final AtomicLong spans = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final List<String> droppedRuns = new ArrayList<>();
  private long droppedSinceLog;
  private long lastLogNanos = System.nanoTime() - LOG_EVERY_NANOS;

  private BoundedSpanQueue(String name, int maxSpans, long maxBytes, ExporterStats stats) {
    this.name = name;
    this.maxSpans = maxSpans;
    this.maxBytes = maxBytes;
    this.stats = stats;
  }

  /**
   * A queue in front of the processor that {@code processorFor} builds around the exporter it is
   * given (which gives back what each exported batch held); that processor must hold at least
   * {@code maxSpans}.
   */
  static BoundedSpanQueue of(
      String name,
      int maxSpans,
      long maxBytes,
      ExporterStats stats,
      SpanExporter exporter,
      Function<SpanExporter, SpanProcessor> processorFor) {
    BoundedSpanQueue queue = new BoundedSpanQueue(name, maxSpans, maxBytes, stats);
    queue.processor = processorFor.apply(queue.releasing(exporter));
    return queue;
  }

  private SpanExporter releasing(SpanExporter exporter) {
    return new SpanExporter() {
      @Override
      public CompletableResultCode export(Collection<SpanData> batch) {
        long batchBytes = 0;
        for (SpanData span : batch) {
          batchBytes += SpanBytes.estimate(span);
        }
        long released = batchBytes;
        CompletableResultCode result = exporter.export(batch);
        result.whenComplete(() -> release(batch.size(), released));
        return result;
      }

      @Override
      public CompletableResultCode flush() {
        return exporter.flush();
      }

      @Override
      public CompletableResultCode shutdown() {
        return exporter.shutdown();
      }
    };
  }

  /** Bytes held now: queued, or in a batch being exported. */
  long bytes() {
    return bytes.get();
  }

  long maxBytes() {
    return maxBytes;
  }

  @Override
  public void onEnd(ReadableSpan span) {
    if (!span.getSpanContext().isSampled()) {
      processor.onEnd(span); // the processor ignores it: nothing is held
      return;
    }
    SpanData data = span.toSpanData();
    long size = SpanBytes.estimate(data);
    if (reserve(size)) {
      processor.onEnd(span);
    } else {
      stats.dropped(1);
      logDrop(data.getAttributes().get(WorkflowAttributes.RUN_ID));
    }
  }

  private boolean reserve(long size) {
    if (spans.incrementAndGet() > maxSpans) {
      spans.decrementAndGet();
      return false;
    }
    if (bytes.addAndGet(size) > maxBytes) {
      bytes.addAndGet(-size);
      spans.decrementAndGet();
      return false;
    }
    return true;
  }

  private void release(int count, long size) {
    spans.addAndGet(-count);
    bytes.addAndGet(-size);
  }

  private synchronized void logDrop(String runId) {
    droppedSinceLog++;
    if (runId != null && droppedRuns.size() < MAX_LOGGED_RUNS && !droppedRuns.contains(runId)) {
      droppedRuns.add(runId);
    }
    long now = System.nanoTime();
    if (now - lastLogNanos < LOG_EVERY_NANOS) {
      return;
    }
    LOG.warning(
        "Span queue "
            + name
            + " full ("
            + maxSpans
            + " spans or "
            + maxBytes
            + " bytes): dropped "
            + droppedSinceLog
            + " spans, of runs "
            + droppedRuns
            + (droppedRuns.size() == MAX_LOGGED_RUNS ? " and maybe more" : "")
            + "; total dropped "
            + stats.dropped());
    droppedSinceLog = 0;
    droppedRuns.clear();
    lastLogNanos = now;
  }

  @Override
  protected SpanProcessor next() {
    return processor;
  }
}
