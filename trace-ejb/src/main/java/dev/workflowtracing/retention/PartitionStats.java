package dev.workflowtracing.retention;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** What partition maintenance and retention did to partitions on this server, for the metrics. */
@ApplicationScoped
public class PartitionStats {

  private volatile boolean partitioned;
  private final AtomicLong created = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong droppedBytes = new AtomicLong();
  private final AtomicReference<Instant> lastCheck = new AtomicReference<>();
  private final AtomicReference<String> lastFailure = new AtomicReference<>();

  void partitioned() {
    partitioned = true;
  }

  /** Whether this server's database partitions spans and runs (PostgreSQL). */
  public boolean isPartitioned() {
    return partitioned;
  }

  void countCreated() {
    created.incrementAndGet();
  }

  void countFailure(String message) {
    failures.incrementAndGet();
    lastFailure.set(message);
  }

  void countDropped(long bytes) {
    dropped.incrementAndGet();
    droppedBytes.addAndGet(bytes);
  }

  void checked(Instant at) {
    lastCheck.set(at);
  }

  public long created() {
    return created.get();
  }

  public long failures() {
    return failures.get();
  }

  public long dropped() {
    return dropped.get();
  }

  public long droppedBytes() {
    return droppedBytes.get();
  }

  /** What the last partition this server could not make failed with. */
  public Optional<String> lastFailure() {
    return Optional.ofNullable(lastFailure.get());
  }

  public Optional<Instant> lastCheck() {
    return Optional.ofNullable(lastCheck.get());
  }
}
