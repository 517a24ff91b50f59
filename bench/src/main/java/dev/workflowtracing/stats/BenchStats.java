package dev.workflowtracing.stats;

import jakarta.persistence.EntityManager;

/** The application's {@link NodeStats} outside the container, wired by hand (same package). */
public final class BenchStats {

  private BenchStats() {}

  public static NodeStats create(EntityManager em) {
    NodeStats stats = new NodeStats();
    stats.em = em;
    return stats;
  }
}
