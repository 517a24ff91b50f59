package dev.workflowtracing.bench;

import dev.workflowtracing.tracestore.BenchQueries;
import dev.workflowtracing.tracestore.RunFilter;
import dev.workflowtracing.tracestore.RunOrder;
import dev.workflowtracing.tracestore.TraceQueries;
import dev.workflowtracing.tracestore.TraceTree;
import dev.workflowtracing.workflow.run.RunStatus;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reads at volume, on a store {@link StoreGenerator} filled: trace by id (its 101- and
 * 10,001-span traces), the run list with each filter of the search page in both orders, and the
 * completeness count, each through the application's {@link TraceQueries} as the API runs them;
 * p50/p95/p99 of up to 200 calls after 20 warm-up calls (fewer when 20 s are up). Then the plans of
 * the same queries in SQL ({@code EXPLAIN ANALYZE}): how many partitions each plan holds and how
 * many it read.
 *
 * <p>{@code VolumeReadBench <jdbc-url> <user> <password>}
 */
public final class VolumeReadBench {

  private static final long DAY = 86_400_000L;
  private static final Pattern PARTITION =
      Pattern.compile("\\b((?:spans|runs)_(?:p\\d+(?:t\\d+)?|default))");

  private VolumeReadBench() {}

  public static void main(String[] args) throws Exception {
    try (Connection db = DriverManager.getConnection(args[0], args[1], args[2])) {
      String medium = traceOfSize(db, StoreGenerator.MEDIUM_TRACE);
      String large = traceOfSize(db, StoreGenerator.LARGE_TRACE);
      long middle = startOf(db, large);
      long dayFrom = middle - DAY;
      System.out.printf(
          "%,d spans, %,d runs stored; %d span partitions%n%n",
          count(db, "select count(*) from spans"),
          count(db, "select count(*) from runs"),
          count(db, "select count(*) from pg_inherits where inhparent = 'spans'::regclass"));
      EntityManagerFactory emf = BenchPersistence.open(args[0], args[1], args[2]);
      EntityManager em = emf.createEntityManager();
      TraceQueries queries = BenchQueries.create(em, "none");
      RunFilter none = RunFilters.none();
      RunFilter failedOfOneDay =
          RunFilters.withRange(
              RunFilters.withStatus(RunFilters.withWorkflowId(none, "bench-3"), RunStatus.FAILED),
              dayFrom,
              middle);
      System.out.println("| query | calls | p50 ms | p95 ms | p99 ms | rows |");
      System.out.println("|---|---|---|---|---|---|");
      time(em, "trace by id, 101 spans", () -> TraceTree.depthFirst(queries.spans(medium)).size());
      time(
          em, "trace by id, 10,001 spans", () -> TraceTree.depthFirst(queries.spans(large)).size());
      time(
          em,
          "completeness: the run of a trace",
          () -> queries.runOfTrace(large).isPresent() ? 1 : 0);
      list(em, queries, "newest 20, no filter", none, RunOrder.NEWEST_FIRST);
      list(
          em,
          queries,
          "20 FAILED runs of one workflow in 1 day, longest first",
          failedOfOneDay,
          RunOrder.LONGEST_FIRST);
      list(
          em,
          queries,
          "20 FAILED runs of one workflow in 1 day, newest first",
          failedOfOneDay,
          RunOrder.NEWEST_FIRST);
      list(em, queries, "longest 20, no filter", none, RunOrder.LONGEST_FIRST);
      RunFilter oneDay = RunFilters.withRange(none, dayFrom, middle);
      list(em, queries, "20 of 1 day, newest first", oneDay, RunOrder.NEWEST_FIRST);
      list(em, queries, "20 of 1 day, longest first", oneDay, RunOrder.LONGEST_FIRST);
      RunFilter workflow = RunFilters.withWorkflowId(none, "bench-3");
      list(em, queries, "20 of one workflow, newest first", workflow, RunOrder.NEWEST_FIRST);
      list(em, queries, "20 of one workflow, longest first", workflow, RunOrder.LONGEST_FIRST);
      RunFilter failed = RunFilters.withStatus(none, RunStatus.FAILED);
      list(em, queries, "20 FAILED, newest first", failed, RunOrder.NEWEST_FIRST);
      list(em, queries, "20 FAILED, longest first", failed, RunOrder.LONGEST_FIRST);
      RunFilter slow = RunFilters.withMinDurationMs(none, 400);
      list(em, queries, "20 of at least 400 ms, newest first", slow, RunOrder.NEWEST_FIRST);
      list(em, queries, "20 of at least 400 ms, longest first", slow, RunOrder.LONGEST_FIRST);
      RunFilter model = RunFilters.withAttribute(none, "gen_ai.request.model", "sim-large");
      list(
          em,
          queries,
          "20 with attribute model=sim-large, newest first",
          model,
          RunOrder.NEWEST_FIRST);
      list(
          em,
          queries,
          "20 with attribute model=sim-large, longest first",
          model,
          RunOrder.LONGEST_FIRST);
      RunFilter named = RunFilters.withNameContaining(none, "node-7");
      list(
          em, queries, "20 with a span named *node-7*, newest first", named, RunOrder.NEWEST_FIRST);
      RunFilter noSuchAttribute =
          RunFilters.withAttribute(none, "gen_ai.request.model", "no-model");
      list(
          em,
          queries,
          "attribute no run has: one page (up to 5,000 runs looked at)",
          noSuchAttribute,
          RunOrder.NEWEST_FIRST);
      RunFilter noSuchName = RunFilters.withNameContaining(none, "no-span-is-called-this");
      list(
          em,
          queries,
          "name no span has: one page (up to 5,000 runs looked at)",
          noSuchName,
          RunOrder.NEWEST_FIRST);
      em.close();
      emf.close();

      System.out.println();
      System.out.println(
          "| plan (SQL of the same query) | partitions in the plan | partitions read |");
      System.out.println("|---|---|---|");
      explain(
          db,
          "trace by id",
          "select * from spans where trace_id = '" + large + "' order by start_nanos, span_id");
      explain(db, "newest 20", "select * from runs order by started_at desc, run_id desc limit 21");
      explain(
          db,
          "20 FAILED of one workflow in 1 day, longest first",
          "select * from runs where workflow_id = 'bench-3' and status = 'FAILED'"
              + " and started_at >= "
              + dayFrom
              + " and started_at < "
              + middle
              + " order by coalesce(duration_ms, -1) desc, run_id desc limit 21");
      explain(
          db,
          "spans of one day (a time range on spans)",
          "select count(*) from spans where start_nanos >= "
              + dayFrom * 1_000_000L
              + " and start_nanos < "
              + middle * 1_000_000L);
    }
  }

  private static void list(
      EntityManager em, TraceQueries queries, String name, RunFilter filter, RunOrder order) {
    time(em, name, () -> queries.runs(filter, order, Optional.empty(), 20).runs().size());
  }

  private static void time(EntityManager em, String name, Supplier<Integer> query) {
    int rows = 0;
    for (int i = 0; i < 20; i++) {
      rows = query.get();
      em.clear();
    }
    List<Long> nanos = new ArrayList<>();
    long until = System.nanoTime() + 20_000_000_000L;
    while (nanos.size() < 200 && System.nanoTime() < until) {
      long start = System.nanoTime();
      query.get();
      nanos.add(System.nanoTime() - start);
      em.clear();
    }
    nanos.sort(null);
    System.out.printf(
        "| %s | %d | %.1f | %.1f | %.1f | %,d |%n",
        name,
        nanos.size(),
        Percentiles.millis(nanos, 50),
        Percentiles.millis(nanos, 95),
        Percentiles.millis(nanos, 99),
        rows);
  }

  /** Partitions named in the plan, and those of them that were not "never executed". */
  private static void explain(Connection db, String name, String sql) throws SQLException {
    java.util.Set<String> inPlan = new java.util.TreeSet<>();
    java.util.Set<String> read = new java.util.TreeSet<>();
    try (Statement statement = db.createStatement();
        ResultSet plan =
            statement.executeQuery(
                "explain (analyze, costs off, timing off, summary off) " + sql)) {
      while (plan.next()) {
        String line = plan.getString(1);
        Matcher partition = PARTITION.matcher(line);
        if (line.contains("Scan") && partition.find()) {
          inPlan.add(partition.group(1));
          if (!line.contains("never executed")) {
            read.add(partition.group(1));
          }
        }
      }
    }
    System.out.printf("| %s | %d | %d |%n", name, inPlan.size(), read.size());
  }

  private static String traceOfSize(Connection db, int spans) throws SQLException {
    try (Statement sql = db.createStatement();
        ResultSet row =
            sql.executeQuery("select trace_id from runs where expected_span_count = " + spans)) {
      if (!row.next()) {
        throw new IllegalStateException("no run of " + spans + " spans: fill the store first");
      }
      return row.getString(1);
    }
  }

  private static long startOf(Connection db, String traceId) throws SQLException {
    return count(db, "select started_at from runs where trace_id = '" + traceId + "'");
  }

  private static long count(Connection db, String sql) throws SQLException {
    try (Statement statement = db.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }
}
