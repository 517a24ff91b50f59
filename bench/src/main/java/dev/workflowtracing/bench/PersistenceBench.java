package dev.workflowtracing.bench;

import dev.workflowtracing.instrumentation.ExporterStats;
import dev.workflowtracing.instrumentation.PersistingSpanExporter;
import dev.workflowtracing.tracestore.BenchQueries;
import dev.workflowtracing.tracestore.IndexedAttributes;
import dev.workflowtracing.tracestore.RunFilter;
import dev.workflowtracing.tracestore.SpanWriter;
import dev.workflowtracing.tracestore.TraceQueries;
import dev.workflowtracing.tracestore.TraceTree;
import dev.workflowtracing.workflow.run.RunStatus;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The persistence benchmark (issue: persistence and trace API), on PostgreSQL; one program that
 * seeds, measures and prints one report (hence its length):
 *
 * <ol>
 *   <li>spans/s through the application's own write path — PersistingSpanExporter, SpanWriter (JDBC
 *       batches on the EntityManager's connection, in its transaction) — in batches of 512 as the
 *       batch span processor hands them, and the spans it dropped;
 *   <li>the same inserts (SpanWriter) on a plain JDBC connection, in the same run;
 *   <li>trace-by-id (the trace query and the depth-first ordering) p50/p99 for 1k and 10k spans;
 *   <li>filtered run-list p95 with 10k and with 1M spans stored.
 * </ol>
 *
 * Usage: {@code PersistenceBench jdbc-url user password [spansForThroughput]}. Wipes the schema of
 * the database it is given: point it at a database of its own.
 */
public final class PersistenceBench {

  private static final int BATCH = Integer.getInteger("bench.batch", 512);
  private static final int MAX_ARTIFACT = 65_536;
  private static final int SPANS_PER_RUN = 101;
  private static final int ROUNDS = 5;

  /** The application's default, read from its own configuration file. */
  private static final String INDEXED_KEYS =
      applicationDefault("tracing.persistence.indexed-attributes");

  private static final IndexedAttributes INDEXED = IndexedAttributes.parse(INDEXED_KEYS);

  private static final boolean ASYNCHRONOUS_COMMIT =
      Boolean.parseBoolean(applicationDefault("tracing.persistence.asynchronous-commit"));

  private static final SpanWriter.Options WRITE_OPTIONS =
      new SpanWriter.Options(MAX_ARTIFACT, INDEXED, ASYNCHRONOUS_COMMIT);

  /** The same with span rows through COPY ({@code tracing.persistence.copy=true}). */
  private static final SpanWriter.Options COPY_OPTIONS =
      new SpanWriter.Options(MAX_ARTIFACT, INDEXED, ASYNCHRONOUS_COMMIT, true);

  private static final SpanWriter.Options SEED_OPTIONS =
      new SpanWriter.Options(MAX_ARTIFACT, INDEXED, false);

  private final String url;
  private final String user;
  private final String password;
  private long nextTrace;

  private PersistenceBench(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  public static void main(String[] args) throws Exception {
    var bench = new PersistenceBench(args[0], args[1], args[2]);
    int spans = args.length > 3 ? Integer.parseInt(args[3]) : 200_000;
    bench.run(spans);
  }

  private void run(int throughputSpans) throws Exception {
    System.out.printf(
        "Indexed attribute keys: %s; asynchronous commit of span batches: %s%n",
        INDEXED_KEYS, ASYNCHRONOUS_COMMIT);
    System.out.printf(
        "PostgreSQL %s, %d CPUs, Java %s%n",
        url, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    resetSchema();
    EntityManagerFactory emf = BenchPersistence.open(batchingUrl(), user, password);

    // Warm-up of both paths (JIT, connection, statement caches), then a clean table.
    throughputJpa(emf, 20_000, WRITE_OPTIONS);
    throughputJpa(emf, 20_000, COPY_OPTIONS);
    throughputJdbc(20_000);
    truncate();

    // Alternating rounds, median reported: on two shared cores single runs of either path varied
    // by +-25% (checkpoints, autovacuum after the truncate, GC).
    double[] jpa = new double[ROUNDS];
    double[] copy = new double[ROUNDS];
    double[] jdbc = new double[ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      jpa[round] = throughputJpa(emf, throughputSpans, WRITE_OPTIONS);
      truncate();
      copy[round] = throughputJpa(emf, throughputSpans, COPY_OPTIONS);
      truncate();
      jdbc[round] = throughputJdbc(throughputSpans);
      truncate();
    }
    System.out.printf(
        "%n| write path (batches of %d) | spans a round | spans/s, median of %d | rounds |%n"
            + "|---|---|---|---|%n",
        BATCH, ROUNDS);
    System.out.printf(
        "| application (PersistingSpanExporter -> SpanWriter, JPA transaction) | %,d | %,.0f | %s |%n",
        throughputSpans, median(jpa), rounds(jpa));
    System.out.printf(
        "| application with COPY (tracing.persistence.copy=true) | %,d | %,.0f | %s |%n",
        throughputSpans, median(copy), rounds(copy));
    System.out.printf(
        "| the same inserts (SpanWriter) on a plain JDBC connection | %,d | %,.0f | %s |%n",
        throughputSpans, median(jdbc), rounds(jdbc));
    System.out.printf(
        "COPY / batched inserts (application path, medians): %.2f%n", median(copy) / median(jpa));

    seedRuns(10_000 / SPANS_PER_RUN);
    String small = seedTrace(1_000);
    String large = seedTrace(10_000);
    analyze();
    report(emf, "10k", small, large);

    seedRuns((1_000_000 - countSpans()) / SPANS_PER_RUN);
    analyze();
    report(emf, "1M", small, large);
    emf.close();
  }

  private double throughputJpa(EntityManagerFactory emf, int spans, SpanWriter.Options options) {
    EntityManager em = emf.createEntityManager();
    ExporterStats stats = new ExporterStats("database");
    PersistingSpanExporter exporter =
        PersistingSpanExporter.create(
            batch -> {
              em.getTransaction().begin();
              SpanWriter.write(em, batch, options);
              em.getTransaction().commit();
              em.clear();
            },
            100_000,
            Long.MAX_VALUE,
            stats);
    List<List<SpanData>> batches = batches(spans);
    long start = System.nanoTime();
    for (List<SpanData> batch : batches) {
      exporter.export(batch);
    }
    exporter.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    em.close();
    if (stats.dropped() > 0 || stats.failed() > 0) {
      System.out.printf(
          "JPA path%s: %d dropped, %d failed (%s)%n",
          options.copy() ? " (COPY)" : "", stats.dropped(), stats.failed(), stats.lastError());
    } else {
      System.out.printf(
          "JPA path%s: %,d spans stored, 0 dropped, 0 failed%n",
          options.copy() ? " (COPY)" : "", stats.exported());
    }
    return stats.exported() / seconds;
  }

  private double throughputJdbc(int spans) throws SQLException {
    List<List<SpanData>> batches = batches(spans);
    try (JdbcRows rows = new JdbcRows(connect(), WRITE_OPTIONS)) {
      long start = System.nanoTime();
      for (List<SpanData> batch : batches) {
        rows.write(batch);
      }
      return spans / ((System.nanoTime() - start) / 1e9);
    }
  }

  /** Spans of whole traces, cut into processor-sized batches (generated before timing). */
  private List<List<SpanData>> batches(int spans) {
    List<SpanData> all = new ArrayList<>(spans);
    while (all.size() < spans) {
      all.addAll(
          SyntheticTraces.trace(
              nextTrace++, SPANS_PER_RUN, System.currentTimeMillis() * 1_000_000));
    }
    List<List<SpanData>> batches = new ArrayList<>();
    for (int i = 0; i < spans; i += BATCH) {
      batches.add(all.subList(i, Math.min(spans, i + BATCH)));
    }
    return batches;
  }

  private void seedRuns(long runs) throws SQLException {
    long start = System.nanoTime();
    try (JdbcRows rows = new JdbcRows(connect(), SEED_OPTIONS)) {
      List<SpanData> pending = new ArrayList<>();
      for (long i = 0; i < runs; i++) {
        long n = nextTrace++;
        long startedAt = 1_700_000_000_000L + n * 1000;
        pending.addAll(SyntheticTraces.trace(n, SPANS_PER_RUN, startedAt * 1_000_000));
        rows.addRun(n, startedAt, SPANS_PER_RUN);
        if (pending.size() >= 5_000) {
          rows.write(pending);
          rows.flushRuns();
          pending.clear();
        }
      }
      rows.write(pending);
      rows.flushRuns();
    }
    System.out.printf(
        "seeded %,d runs (%,d spans stored now) in %.0f s%n",
        runs, countSpans(), (System.nanoTime() - start) / 1e9);
  }

  private String seedTrace(int spans) throws SQLException {
    long n = nextTrace++;
    long startedAt = 1_700_000_000_000L + n * 1000;
    try (JdbcRows rows = new JdbcRows(connect(), SEED_OPTIONS)) {
      List<SpanData> trace = SyntheticTraces.trace(n, spans + 1, startedAt * 1_000_000);
      for (int i = 0; i < trace.size(); i += 5_000) {
        rows.write(trace.subList(i, Math.min(trace.size(), i + 5_000)));
      }
      rows.addRun(n, startedAt, trace.size());
      rows.flushRuns();
    }
    return SyntheticTraces.traceId(n);
  }

  private void report(EntityManagerFactory emf, String label, String small, String large) {
    EntityManager em = emf.createEntityManager();
    TraceQueries queries = BenchQueries.create(em, INDEXED_KEYS);
    Supplier<Integer> byId1k = () -> TraceTree.depthFirst(queries.spans(small)).size();
    Supplier<Integer> byId10k = () -> TraceTree.depthFirst(queries.spans(large)).size();
    long[] t1k = time(em, byId1k, 20, 200);
    long[] t10k = time(em, byId10k, 20, 200);
    RunFilter none = RunFilters.none();
    RunFilter byWorkflowAndStatus =
        RunFilters.withStatus(RunFilters.withWorkflowId(none, "bench-3"), RunStatus.FAILED);
    RunFilter byAttribute = RunFilters.withAttribute(none, "gen_ai.request.model", "sim-large");
    RunFilter byUnindexed = RunFilters.withAttribute(none, "gen_ai.usage.input_tokens", "125");
    RunFilter byDuration = RunFilters.withMinDurationMs(none, 400L);
    System.out.printf(
        "%n#### %s spans stored (%,d)%n%n| query | p50 ms | p95 ms | p99 ms |%n|---|---|---|---|%n",
        label, countSpansQuietly());
    row("trace by id, 1k spans", t1k);
    row("trace by id, 10k spans", t10k);
    row(
        "list newest 20, no filter",
        time(em, () -> queries.runs(none, Optional.empty(), 20).runs().size(), 20, 200));
    row(
        "list 20, workflow + status",
        time(
            em,
            () -> queries.runs(byWorkflowAndStatus, Optional.empty(), 20).runs().size(),
            20,
            200));
    row(
        "list 20, attribute key=value (string)",
        time(em, () -> queries.runs(byAttribute, Optional.empty(), 20).runs().size(), 20, 200));
    row(
        "list 20, attribute key=value (number)",
        time(em, () -> queries.runs(byUnindexed, Optional.empty(), 20).runs().size(), 20, 200));
    row(
        "list 20, minDurationMs",
        time(em, () -> queries.runs(byDuration, Optional.empty(), 20).runs().size(), 20, 200));
    em.close();
  }

  private static String applicationDefault(String key) {
    try (var in =
        PersistenceBench.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
      var properties = new java.util.Properties();
      properties.load(in);
      return properties.getProperty(key);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long[] time(EntityManager em, Supplier<Integer> query, int warmup, int runs) {
    for (int i = 0; i < warmup; i++) {
      query.get();
      em.clear();
    }
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      query.get();
      nanos[i] = System.nanoTime() - start;
      em.clear();
    }
    Arrays.sort(nanos);
    return nanos;
  }

  private static void row(String name, long[] sorted) {
    System.out.printf(
        "| %s | %.1f | %.1f | %.1f |%n",
        name,
        Percentiles.millis(sorted, 50),
        Percentiles.millis(sorted, 95),
        Percentiles.millis(sorted, 99));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String rounds(double[] values) {
    return String.join(
        ", ", Arrays.stream(values).mapToObj(v -> String.format("%,.0f", v)).toList());
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(batchingUrl(), user, password);
  }

  /** Both paths on the connection property the server's datasource sets (postgresql.cli). */
  private String batchingUrl() {
    return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
  }

  private void resetSchema() throws SQLException {
    BenchSchema.reset(url, user, password);
  }

  private void truncate() throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("truncate spans, span_attributes, runs");
    }
  }

  private void analyze() throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("vacuum analyze");
    }
  }

  private long countSpans() throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        var rs = s.executeQuery("select count(*) from spans")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private long countSpansQuietly() {
    try {
      return countSpans();
    } catch (SQLException e) {
      return -1;
    }
  }
}
