package dev.workflowtracing.tracing;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Counters for one exporter, read by the admin view and the metrics endpoint. */
public final class ExporterStats {

  private final String name;
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong exported = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
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

  public String name() {
    return name;
  }

  public long exported() {
    return exported.get();
  }

  public long failed() {
    return failed.get();
  }

  public long dropped() {
    return dropped.get();
  }

  public String lastError() {
    return lastError.get();
  }

  public Instant lastErrorAt() {
    return lastErrorAt.get();
  }
}
