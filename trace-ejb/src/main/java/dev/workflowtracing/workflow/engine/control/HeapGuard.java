package dev.workflowtracing.workflow.engine.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Refuses new runs while the heap is nearly full after a garbage collection, so that an overloaded
 * server answers 503 and goes on with the runs it has instead of running out of memory. Reads the
 * JVM's own collection-usage thresholds on the heap pools that have them (the old generation): what
 * is still live after a collection, not garbage waiting for one.
 */
@ApplicationScoped
public class HeapGuard {

  private static final Logger LOG = Logger.getLogger(HeapGuard.class.getName());

  /** Share of a pool's maximum that, still live after a collection, stops new runs. */
  static final double REFUSE_ABOVE = 0.85;

  private final List<MemoryPoolMXBean> pools = watchedPools();
  private final AtomicLong refused = new AtomicLong();

  /** Refuses a new run while the heap is short; the caller answers 503 with Retry-After. */
  public void checkRoom() {
    for (MemoryPoolMXBean pool : pools) {
      if (pool.isCollectionUsageThresholdExceeded()) {
        if (refused.incrementAndGet() % 1000 == 1) {
          LOG.warning(
              () ->
                  "Heap nearly full after a collection ("
                      + pool.getName()
                      + " "
                      + pool.getCollectionUsage().getUsed() / (1024 * 1024)
                      + " of "
                      + pool.getUsage().getMax() / (1024 * 1024)
                      + " MB): new runs are refused with 503 until it frees up; "
                      + refused.get()
                      + " refused so far");
        }
        throw new ServerOverloadedException();
      }
    }
  }

  /** New runs refused for lack of heap since the server started. */
  public long refusedRuns() {
    return refused.get();
  }

  private static List<MemoryPoolMXBean> watchedPools() {
    List<MemoryPoolMXBean> pools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .filter(MemoryPoolMXBean::isCollectionUsageThresholdSupported)
            .filter(pool -> pool.getUsage().getMax() > 0)
            .filter(pool -> pool.getName().contains("Old") || pool.getName().contains("Tenured"))
            .toList();
    for (MemoryPoolMXBean pool : pools) {
      pool.setCollectionUsageThreshold((long) (pool.getUsage().getMax() * REFUSE_ABOVE));
    }
    return pools;
  }
}
