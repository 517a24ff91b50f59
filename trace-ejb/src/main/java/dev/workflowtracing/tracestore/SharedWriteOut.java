package dev.workflowtracing.tracestore;

/**
 * Runs a write-out (an H2 {@code CHECKPOINT}) for callers that each need one begun after they
 * called, as a group commit does: a caller arriving while one is under way waits for it to end and
 * then for the next, which it or another waiting caller starts; every caller waiting then is
 * covered by that one. So under load the write-outs run back to back, each for all the commits made
 * before it began, instead of one per caller.
 */
final class SharedWriteOut {

  private final Runnable writeOut;
  private final Object lock = new Object();
  private long begun; // write-outs begun so far
  private long ended; // the last ended write-out's number
  private boolean running;

  SharedWriteOut(Runnable writeOut) {
    this.writeOut = writeOut;
  }

  /**
   * Returns once a write-out begun after this call has ended (or at once when interrupted, with the
   * flag set again).
   */
  void await() {
    long needed;
    synchronized (lock) {
      needed = begun + 1;
    }
    while (true) {
      long mine;
      synchronized (lock) {
        while (running && ended < needed) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        if (ended >= needed) {
          return;
        }
        running = true;
        mine = ++begun;
      }
      try {
        writeOut.run();
      } finally {
        synchronized (lock) {
          running = false;
          ended = mine;
          lock.notifyAll();
        }
      }
    }
  }

  /** Write-outs begun so far (for tests). */
  long count() {
    synchronized (lock) {
      return begun;
    }
  }
}
