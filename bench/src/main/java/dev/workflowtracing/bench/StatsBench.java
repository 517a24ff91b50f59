package dev.workflowtracing.bench;

import dev.workflowtracing.stats.BenchStats;
import dev.workflowtracing.stats.NodeStats;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The per-node statistics of one workflow over 7 days, read as the endpoint reads them ({@link
 * NodeStats} adding up the hourly rollups): the rollups {@code runs} runs of a {@code nodes}-node
 * workflow leave when they end evenly over the last 7 days, written straight into the table.
 * p50/p95/p99 of 200 calls after 20 warm-up calls.
 *
 * <p>{@code StatsBench <jdbc-url> <user> <password> [runs=10000] [nodes=10]}
 */
public final class StatsBench {

  private static final long HOUR = 3_600_000L;
  private static final int HOURS = 7 * 24;

  private StatsBench() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
    int nodes = args.length > 4 ? Integer.parseInt(args[4]) : 10;
    BenchSchema.reset(url, args[1], args[2]);
    try (Connection db = DriverManager.getConnection(url, args[1], args[2])) {
      long now = System.currentTimeMillis();
      long firstHour = Math.floorDiv(now, HOUR) * HOUR - (HOURS - 1) * HOUR;
      int perHour = Math.max(1, runs / HOURS);
      try (PreparedStatement insert =
          db.prepareStatement(
              "insert into node_rollups (workflow_id, workflow_version, node_id, bucket_start,"
                  + " executions, failures, cancellations, attempts, duration_histogram,"
                  + " input_tokens, output_tokens, cost_nanos, slowest_ms, slowest_trace_id,"
                  + " latest_failed_at, latest_failed_trace_id)"
                  + " values ('bench-stats', 1, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (int hour = 0; hour < HOURS; hour++) {
          for (int node = 0; node < nodes; node++) {
            long bucket = firstHour + hour * HOUR;
            insert.setString(1, "node-" + node);
            insert.setLong(2, bucket);
            insert.setLong(3, perHour);
            insert.setLong(4, perHour / 10);
            insert.setLong(5, perHour + perHour / 20);
            insert.setString(6, "20:" + perHour / 2 + ",24:" + (perHour - perHour / 2));
            insert.setLong(7, 120L * perHour);
            insert.setLong(8, 40L * perHour);
            insert.setLong(9, 45_000L * perHour);
            insert.setLong(10, 60 + hour % 7);
            insert.setString(11, String.format("%032x", hour * 100L + node));
            insert.setLong(12, bucket + 1_000);
            insert.setString(13, String.format("%032x", hour * 100L + node + 1));
            insert.addBatch();
          }
        }
        insert.executeBatch();
      }
      try (Statement sql = db.createStatement()) {
        sql.execute("analyze node_rollups");
      }
      System.out.printf(
          "%d rollup rows: %d nodes x %d hours, %,d runs (%d an hour)%n",
          nodes * HOURS, nodes, HOURS, perHour * HOURS, perHour);
      EntityManagerFactory emf = BenchPersistence.open(url, args[1], args[2]);
      EntityManager em = emf.createEntityManager();
      NodeStats stats = BenchStats.create(em);
      long from = now - 7 * 24 * HOUR;
      for (int i = 0; i < 20; i++) {
        stats.of("bench-stats", Optional.empty(), from, now);
        em.clear();
      }
      List<Long> nanos = new ArrayList<>();
      int nodesAnswered = 0;
      for (int i = 0; i < 200; i++) {
        long start = System.nanoTime();
        nodesAnswered = stats.of("bench-stats", Optional.empty(), from, now).size();
        nanos.add(System.nanoTime() - start);
        em.clear();
      }
      nanos.sort(null);
      System.out.printf(
          "| stats of one workflow, 7 days (%d nodes answered) | %.1f | %.1f | %.1f |%n",
          nodesAnswered,
          Percentiles.millis(nanos, 50),
          Percentiles.millis(nanos, 95),
          Percentiles.millis(nanos, 99));
      em.close();
      emf.close();
    }
  }
}
