package dev.workflowtracing.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/** Audit rows written and those that could not be (per server), for {@code /api/metrics}. */
@ApplicationScoped
public class AuditStats {

  private final AtomicLong written = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong purged = new AtomicLong();

  public void written() {
    written.incrementAndGet();
  }

  public void dropped() {
    dropped.incrementAndGet();
  }

  public void purged(long rows) {
    purged.addAndGet(rows);
  }

  public long writtenCount() {
    return written.get();
  }

  public long droppedCount() {
    return dropped.get();
  }

  public long purgedCount() {
    return purged.get();
  }
}
