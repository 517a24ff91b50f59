package dev.workflowtracing.instrumentation;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/** Counters for one exporter, read by the admin view and the metrics endpoint. */
public final class ExporterStats {

  private final String name;
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong exported = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private volatile LongSupplier alsoDropped = () -> 0;
  private final AtomicReference<String> lastError = new AtomicReference<>();
  private final AtomicReference<Instant> lastErrorAt = new AtomicReference<>();

  public ExporterStats(String name) {
    this.name = name;
  }

  /** Spans the exporter was given by its processor. */
  public void received(long spans) {
    received.addAndGet(spans);
  }

  public long received() {
    return received.get();
  }

  public void exported(long spans) {
    exported.addAndGet(spans);
  }

  public void failed(long spans, Throwable error) {
    failed.addAndGet(spans);
    lastError.set(error.getClass().getSimpleName() + ": " + error.getMessage());
    lastErrorAt.set(Instant.now());
  }

  public void dropped(long spans) {
    dropped.addAndGet(spans);
  }

  /** Spans the destination refused for good (set aside so that the others go on). */
  public void rejected(long spans) {
    rejected.addAndGet(spans);
  }

  public long rejected() {
    return rejected.get();
  }

  public String name() {
    return name;
  }

  public long exported() {
    return exported.get();
  }

  public long failed() {
    return failed.get();
  }

  /** Spans given up: by the exporter, and by its processor when the queue was full. */
  public long dropped() {
    return dropped.get() + alsoDropped.getAsLong();
  }

  /**
   * Spans given up by the exporter and the bounded queue in front of the processor, without the
   * processor's own drops: those take a collection of its metrics to read, too much for every run's
   * end ({@link DatabaseWatermark}).
   */
  long droppedOutsideProcessor() {
    return dropped.get();
  }

  /** Counts the drops of the processor in front of this exporter too. */
  public void alsoDropped(LongSupplier processorDrops) {
    this.alsoDropped = processorDrops;
  }

  public String lastError() {
    return lastError.get();
  }

  public Instant lastErrorAt() {
    return lastErrorAt.get();
  }
}
