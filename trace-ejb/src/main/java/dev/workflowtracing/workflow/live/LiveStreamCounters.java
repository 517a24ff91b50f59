package dev.workflowtracing.workflow.live;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This server's event streams, counted for {@code /api/metrics}: snapshots sent, clients cut off.
 */
@ApplicationScoped
public class LiveStreamCounters {

  private final AtomicLong snapshots = new AtomicLong();
  private final AtomicLong cutOff = new AtomicLong();

  void snapshotSent() {
    snapshots.incrementAndGet();
  }

  /** A client too far behind was disconnected (it resumes from a snapshot). */
  public void cutOff() {
    cutOff.incrementAndGet();
  }

  public long snapshotsSent() {
    return snapshots.get();
  }

  public long streamsCutOff() {
    return cutOff.get();
  }
}
