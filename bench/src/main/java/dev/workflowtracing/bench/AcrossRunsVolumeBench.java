package dev.workflowtracing.bench;

import dev.workflowtracing.schema.SchemaMigration;
import dev.workflowtracing.stats.BenchStats;
import dev.workflowtracing.stats.NodeStats;
import dev.workflowtracing.tracestore.read.BenchReads;
import dev.workflowtracing.tracestore.read.NodeExecutions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * Questions across runs on the store {@link StoreGenerator} wrote (its spans and the rollups of its
 * runs), read as the endpoints read them: the per-node statistics of one workflow over the last 7
 * days ({@link NodeStats}), and one node's executions over the same range ({@link NodeExecutions}:
 * latest, slowest, failed only). p50/p95/p99 of 200 calls after 20 warm-up calls, each on its own.
 *
 * <p>{@code AcrossRunsVolumeBench <jdbc-url> <user> <password>}
 */
public final class AcrossRunsVolumeBench {

  private static final long DAY = 86_400_000L;

  private AcrossRunsVolumeBench() {}

  public static void main(String[] args) {
    // A store generated before the latest schema version is brought up to it first.
    long migrating = System.nanoTime();
    int applied =
        SchemaMigration.migrations()
            .dataSource(args[0], args[1], args[2])
            .load()
            .migrate()
            .migrationsExecuted;
    System.out.printf(
        "%d migrations applied in %.1f s%n", applied, (System.nanoTime() - migrating) / 1e9);
    EntityManagerFactory emf = BenchPersistence.open(args[0], args[1], args[2]);
    EntityManager em = emf.createEntityManager();
    NodeStats stats = BenchStats.create(em);
    NodeExecutions executions = BenchReads.nodeExecutions(em);
    long now = System.currentTimeMillis();
    long from = now - 7 * DAY;
    System.out.println(
        "| question (workflow bench-3, last 7 days) | answered | p50 ms | p95 ms | p99 ms |");
    System.out.println("|---|---|---|---|---|");
    measure(
        em,
        "per-node statistics (`GET …/stats`)",
        () -> stats.of("bench-3", Optional.empty(), from, now).size(),
        "nodes");
    for (NodeExecutions.Order order : NodeExecutions.Order.values()) {
      measure(
          em,
          "executions of node-4, " + order.name().toLowerCase() + " first, 20",
          () -> executions.of(query("node-4", from, now, false, order)).size(),
          "executions");
    }
    measure(
        em,
        "failed executions of node-9, latest first, 20",
        () -> executions.of(query("node-9", from, now, true, NodeExecutions.Order.LATEST)).size(),
        "executions");
    em.close();
    emf.close();
  }

  private static NodeExecutions.Query query(
      String node, long from, long to, boolean failed, NodeExecutions.Order order) {
    return new NodeExecutions.Query("bench-3", node, Optional.empty(), from, to, failed, order, 20);
  }

  private static void measure(EntityManager em, String name, IntSupplier call, String unit) {
    for (int i = 0; i < 20; i++) {
      call.getAsInt();
      em.clear();
    }
    List<Long> nanos = new ArrayList<>();
    int answered = 0;
    for (int i = 0; i < 200; i++) {
      long start = System.nanoTime();
      answered = call.getAsInt();
      nanos.add(System.nanoTime() - start);
      em.clear();
    }
    nanos.sort(null);
    System.out.printf(
        "| %s | %d %s | %.1f | %.1f | %.1f |%n",
        name,
        answered,
        unit,
        Percentiles.millis(nanos, 50),
        Percentiles.millis(nanos, 95),
        Percentiles.millis(nanos, 99));
  }
}
