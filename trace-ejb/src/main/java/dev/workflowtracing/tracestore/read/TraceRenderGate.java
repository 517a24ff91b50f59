package dev.workflowtracing.tracestore.read;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Bounds how many traces are read from the database and encoded at once: each holds the whole trace
 * in the heap while it is encoded (a 2,005-span trace about 10 MB), and 50 browsers re-reading a
 * running fan-out's trace every second ran a 512 MB server out of memory. Reads served from the
 * cache do not pass here. A read that waits longer than {@link #WAIT_MILLIS} is refused (503) at
 * once: a waiting request holds one of the server's request threads, which also complete the event
 * streams' writes, so waiting longer let 50 polling browsers stall every stream.
 */
@ApplicationScoped
public class TraceRenderGate {

  /** Reads encoded at once; the others wait their turn. */
  static final int PERMITS = 4;

  static final long WAIT_MILLIS = 200;

  private final Semaphore permits = new Semaphore(PERMITS, true);
  private final AtomicLong refused = new AtomicLong();

  <T> T render(Supplier<T> read) {
    boolean acquired;
    try {
      acquired = permits.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      acquired = false;
    }
    if (!acquired) {
      refused.incrementAndGet();
      throw new TraceReadsBusyException();
    }
    try {
      return read.get();
    } finally {
      permits.release();
    }
  }

  /** Trace reads refused because too many were being encoded, since the server started. */
  public long refusedReads() {
    return refused.get();
  }
}
