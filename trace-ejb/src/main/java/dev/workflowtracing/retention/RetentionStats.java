package dev.workflowtracing.retention;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** What retention has removed on this server since it started, for {@code /api/metrics}. */
@ApplicationScoped
public class RetentionStats {

  private final AtomicLong runsPurgedByAge = new AtomicLong();
  private final AtomicLong runsEvictedByCap = new AtomicLong();
  private final AtomicLong spansEvictedByCap = new AtomicLong();
  private final AtomicReference<Instant> lastPurge = new AtomicReference<>();
  private final AtomicLong storedSpans = new AtomicLong(-1);
  private final AtomicLong ticksSkipped = new AtomicLong();
  private final AtomicLong ticksPurged = new AtomicLong();

  void purgedByAge(int runs) {
    runsPurgedByAge.addAndGet(runs);
  }

  void evicted(int runs, long spans) {
    runsEvictedByCap.addAndGet(runs);
    spansEvictedByCap.addAndGet(spans);
  }

  void stored(long spans) {
    storedSpans.set(spans);
  }

  /** Spans stored after the last enforcement of the span cap; -1 before the first. */
  public long storedSpans() {
    return storedSpans.get();
  }

  void skipped() {
    ticksSkipped.incrementAndGet();
  }

  /** Ticks this server left to another one, which was purging at the same moment. */
  public long ticksSkipped() {
    return ticksSkipped.get();
  }

  void purged(Instant at) {
    lastPurge.set(at);
    ticksPurged.incrementAndGet();
  }

  /** Ticks this server purged in: with the ones skipped, every tick counted once per cluster. */
  public long ticksPurged() {
    return ticksPurged.get();
  }

  public long runsPurgedByAge() {
    return runsPurgedByAge.get();
  }

  public long runsEvictedByCap() {
    return runsEvictedByCap.get();
  }

  public long spansEvictedByCap() {
    return spansEvictedByCap.get();
  }

  public Optional<Instant> lastPurge() {
    return Optional.ofNullable(lastPurge.get());
  }
}
