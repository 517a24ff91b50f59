package dev.workflowtracing.bench;

import dev.workflowtracing.instrumentation.FinishedSpans;
import dev.workflowtracing.schema.SchemaMigration;
import dev.workflowtracing.tracestore.IndexedAttributes;
import dev.workflowtracing.tracestore.SpanWriter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the index of a node's executions costs the span write path: two databases of one kind, one
 * with the index and one without, written alternately in rounds of the same synthetic runs (21
 * spans, a prompt on every attempt) in batches of 105 spans, one transaction each, with the
 * application's {@link SpanWriter}, after a round of warm-up into each: the ratio of their write
 * rates.
 *
 * <p>{@code SpanIndexCostBench h2 <dir> [spans=210000]} (the embedded default's H2 file database,
 * index {@code spans_workflow_node}) or {@code SpanIndexCostBench postgres <url-with-?> <user>
 * <password> [spans]} (two databases made on the local cluster are not needed: the two schemas
 * {@code with_index} and {@code without_index} of one database).
 */
public final class SpanIndexCostBench {

  private static final int SPANS_PER_RUN = 21;
  private static final int RUNS_PER_BATCH = 5;
  private static final int ROUND_RUNS = 2_000;

  private SpanIndexCostBench() {}

  public static void main(String[] args) throws Exception {
    boolean h2 = args[0].equals("h2");
    String with;
    String without;
    String user;
    String password;
    int spans;
    if (h2) {
      Path dir = Files.createDirectories(Path.of(args[1])).toAbsolutePath();
      with = "jdbc:h2:file:" + dir.resolve("with-index") + ";WRITE_DELAY=2";
      without = "jdbc:h2:file:" + dir.resolve("without-index") + ";WRITE_DELAY=2";
      user = "sa";
      password = "";
      spans = args.length > 2 ? Integer.parseInt(args[2]) : 210_000;
    } else {
      with = args[1] + "currentSchema=with_index";
      without = args[1] + "currentSchema=without_index";
      user = args[2];
      password = args[3];
      spans = args.length > 4 ? Integer.parseInt(args[4]) : 210_000;
    }
    String index = h2 ? "spans_workflow_node" : "spans_node_executions";
    prepare(with, user, password, h2, null);
    prepare(without, user, password, h2, index);
    SpanWriter.Options options =
        new SpanWriter.Options(65_536, IndexedAttributes.parse("none"), true, !h2);
    long[] nanos = new long[2];
    int runs = spans / SPANS_PER_RUN;
    try (Connection a = connect(with, user, password);
        Connection b = connect(without, user, password)) {
      // Warm-up (the JIT compiler, the caches), not counted: a round into each.
      write(a, runs, runs + ROUND_RUNS, options);
      write(b, runs, runs + ROUND_RUNS, options);
      for (int first = 0; first < runs; first += ROUND_RUNS) {
        int last = Math.min(runs, first + ROUND_RUNS);
        // Alternate which goes first, so neither always writes into a warmer cache.
        boolean withFirst = (first / ROUND_RUNS) % 2 == 0;
        nanos[withFirst ? 0 : 1] += write(withFirst ? a : b, first, last, options);
        nanos[withFirst ? 1 : 0] += write(withFirst ? b : a, first, last, options);
      }
    }
    double withRate = runs * (double) SPANS_PER_RUN / (nanos[0] / 1e9);
    double withoutRate = runs * (double) SPANS_PER_RUN / (nanos[1] / 1e9);
    System.out.printf(
        "| %s | %,d | %,.0f | %,.0f | %.3f |%n",
        h2 ? "H2 file" : "PostgreSQL (COPY)",
        runs * SPANS_PER_RUN,
        withRate,
        withoutRate,
        withRate / withoutRate);
  }

  private static Connection connect(String url, String user, String password) throws SQLException {
    Connection connection = DriverManager.getConnection(url, user, password);
    connection.setAutoCommit(false);
    return connection;
  }

  /** An empty store of the latest schema, without {@code dropIndex} if given. */
  private static void prepare(
      String url, String user, String password, boolean h2, String dropIndex) throws SQLException {
    try (Connection db = DriverManager.getConnection(url, user, password);
        Statement sql = db.createStatement()) {
      if (h2) {
        sql.execute("drop all objects");
      } else {
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        sql.execute("drop schema if exists " + schema + " cascade");
        sql.execute("create schema " + schema);
      }
    }
    SchemaMigration.migrations()
        .dataSource(url, user, password)
        .schemas(h2 ? "PUBLIC" : url.substring(url.indexOf("currentSchema=") + 14))
        .load()
        .migrate();
    if (dropIndex != null) {
      try (Connection db = DriverManager.getConnection(url, user, password);
          Statement sql = db.createStatement()) {
        sql.execute("drop index " + dropIndex);
      }
    }
  }

  /**
   * Run n's number scattered over 31 bits (a bijection; span ids hold 32): trace ids in the order a
   * deployment makes them (random), not ascending, which would make every primary-key insert an
   * append.
   */
  static long scattered(long n) {
    return (n * 0x9E3779B1L) & ((1L << 31) - 1);
  }

  private static long write(Connection db, int first, int last, SpanWriter.Options options)
      throws SQLException {
    long now = System.currentTimeMillis() * 1_000_000L;
    long elapsed = 0;
    List<SpanData> batch = new ArrayList<>(RUNS_PER_BATCH * SPANS_PER_RUN);
    for (int n = first; n < last; n++) {
      batch.addAll(SyntheticTraces.trace(scattered(n), SPANS_PER_RUN, now + n * 1_000_000L));
      if (batch.size() >= RUNS_PER_BATCH * SPANS_PER_RUN || n == last - 1) {
        var finished = FinishedSpans.of(batch);
        long start = System.nanoTime();
        SpanWriter.write(db, finished, options);
        db.commit();
        elapsed += System.nanoTime() - start;
        batch.clear();
      }
    }
    return elapsed;
  }
}
