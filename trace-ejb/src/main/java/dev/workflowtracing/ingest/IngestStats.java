package dev.workflowtracing.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/** The receiver's own figures for {@code /api/metrics}: per server, since its start. */
@ApplicationScoped
public class IngestStats {

  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong stored = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong refusedBusy = new AtomicLong();
  private final AtomicLong refusedUnavailable = new AtomicLong();
  private final AtomicLong invalidRequests = new AtomicLong();

  void request() {
    requests.incrementAndGet();
  }

  void stored(long spans) {
    stored.addAndGet(spans);
  }

  void rejected(long spans) {
    rejected.addAndGet(spans);
  }

  /** A request refused whole, with Retry-After: none of its spans stored. */
  void refused(IngestRefused.Reason reason) {
    (reason == IngestRefused.Reason.BUSY ? refusedBusy : refusedUnavailable).incrementAndGet();
  }

  /** A request answered 4xx before any span was read from it (bad body, token, size or type). */
  public void invalidRequest() {
    invalidRequests.incrementAndGet();
  }

  public long requests() {
    return requests.get();
  }

  public long stored() {
    return stored.get();
  }

  public long rejected() {
    return rejected.get();
  }

  public long refusedBusy() {
    return refusedBusy.get();
  }

  public long refusedUnavailable() {
    return refusedUnavailable.get();
  }

  public long invalidRequests() {
    return invalidRequests.get();
  }
}
