package dev.workflowtracing.bench;

import com.google.protobuf.ByteString;
import dev.workflowtracing.instrumentation.ExporterStats;
import dev.workflowtracing.instrumentation.PersistingSpanExporter;
import dev.workflowtracing.tracestore.IndexedAttributes;
import dev.workflowtracing.tracestore.SpanWriter;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * OTLP spans ingested per second into PostgreSQL ({@code POST /v1/traces} of a real server, batches
 * of 512 protobuf spans from several clients), against the same number of spans of the same shape
 * through our own exporter path (PersistingSpanExporter → SpanWriter with COPY, one thread as the
 * span processor's) on the same database, in alternating windows of one run. Afterwards every span
 * the receiver acknowledged is looked up: none may be missing.
 *
 * <p>Args: server URL, ingest token, JDBC URL, user, password, windows, seconds per window,
 * clients.
 */
public final class IngestBench {

  private static final int SPANS_PER_REQUEST = 512;
  private static final int TRACES_PER_REQUEST = 32;
  private static final String SERVICE = "ingest-bench";

  public static void main(String[] args) throws Exception {
    URI receiver = URI.create(args[0].replaceAll("/$", "") + "/v1/traces");
    String token = args[1];
    String jdbc = args[2];
    String user = args[3];
    String password = args[4];
    int windows = Integer.parseInt(args[5]);
    int seconds = Integer.parseInt(args[6]);
    int clients = Integer.parseInt(args[7]);

    Template template = Template.make();
    System.out.printf(
        "One request: %,d spans of %d traces, %,d bytes of protobuf%n",
        SPANS_PER_REQUEST, TRACES_PER_REQUEST, template.bytes.length);
    AtomicLong nextRequest = new AtomicLong(1);
    // A warm-up window of each, not counted.
    ingestWindow(receiver, token, template, nextRequest, clients, 5);
    // Synthetic trace numbers stay below 2^32 (their span ids hold them in 8 hex digits).
    ownPathWindow(jdbc, user, password, 5, 3_000_000_000L);
    double[] ingest = new double[windows];
    double[] own = new double[windows];
    long acknowledged = 0;
    long refused = 0;
    long ownBase = 3_100_000_000L;
    for (int w = 0; w < windows; w++) {
      Window window = ingestWindow(receiver, token, template, nextRequest, clients, seconds);
      ingest[w] = window.spans / window.seconds;
      acknowledged += window.spans;
      refused += window.refused;
      own[w] = ownPathWindow(jdbc, user, password, seconds, ownBase + w * 20_000_000L);
      System.out.printf(
          "window %d: OTLP ingest %,.0f spans/s (%,d refused with Retry-After), own exporter path"
              + " %,.0f spans/s%n",
          w + 1, ingest[w], window.refused, own[w]);
    }
    long stored = storedBenchSpans(jdbc, user, password);
    long expected = (nextRequest.get() - 1) * SPANS_PER_REQUEST;
    double ingestMedian = median(ingest);
    double ownMedian = median(own);
    System.out.printf(
        "%n| path | spans/s (median of %d windows of %d s) |%n|---|---|%n", windows, seconds);
    System.out.printf(
        "| OTLP/HTTP receiver, protobuf, %d clients, batches of 512 | %,.0f |%n",
        clients, ingestMedian);
    System.out.printf(
        "| our own exporter path (PersistingSpanExporter → COPY), 1 thread | %,.0f |%n", ownMedian);
    System.out.printf("| ratio receiver / own path | %.2f |%n", ingestMedian / ownMedian);
    System.out.printf(
        "%nAcknowledged in measured windows: %,d spans; refused (429/503, not acknowledged): %,d;"
            + " sent and acknowledged over the whole run (warm-up included): %,d; stored: %,d;"
            + " lost among the acknowledged: %,d%n",
        acknowledged, refused, expected, stored, Math.max(0, expected - stored));
  }

  private record Window(long spans, long refused, double seconds) {}

  private static Window ingestWindow(
      URI receiver,
      String token,
      Template template,
      AtomicLong nextRequest,
      int clients,
      int seconds)
      throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    AtomicLong spans = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      Thread thread =
          new Thread(
              () -> {
                while (System.nanoTime() < end) {
                  long k = nextRequest.getAndIncrement();
                  byte[] body = template.request(k);
                  try {
                    HttpResponse<byte[]> answer = send(http, receiver, token, body);
                    while (answer.statusCode() == 429 || answer.statusCode() == 503) {
                      refused.addAndGet(SPANS_PER_REQUEST);
                      Thread.sleep(100);
                      answer = send(http, receiver, token, body);
                    }
                    if (answer.statusCode() != 200) {
                      throw new IllegalStateException(
                          "answer " + answer.statusCode() + ": " + new String(answer.body()));
                    }
                    long rejected =
                        ExportTraceServiceResponse.parseFrom(answer.body())
                            .getPartialSuccess()
                            .getRejectedSpans();
                    if (rejected > 0) {
                      throw new IllegalStateException(rejected + " spans rejected");
                    }
                    spans.addAndGet(SPANS_PER_REQUEST);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                }
              });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return new Window(spans.get(), refused.get(), (System.nanoTime() - start) / 1e9);
  }

  private static HttpResponse<byte[]> send(HttpClient http, URI receiver, String token, byte[] body)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(receiver)
            .header("Content-Type", "application/x-protobuf")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /**
   * Spans of the same shape through PersistingSpanExporter into the same database, for a window.
   */
  private static double ownPathWindow(
      String jdbc, String user, String password, int seconds, long firstTrace) throws SQLException {
    SpanWriter.Options copy =
        new SpanWriter.Options(65_536, IndexedAttributes.parse("none"), true, true);
    try (Connection connection = DriverManager.getConnection(jdbc, user, password)) {
      connection.setAutoCommit(false);
      ExporterStats stats = new ExporterStats("database");
      PersistingSpanExporter exporter =
          PersistingSpanExporter.create(
              batch -> {
                try {
                  SpanWriter.write(connection, batch, copy);
                  connection.commit();
                } catch (SQLException e) {
                  try {
                    connection.rollback();
                  } catch (SQLException ignored) {
                    // the failure below says what went wrong
                  }
                  throw new IllegalStateException(e);
                }
              },
              100_000,
              Long.MAX_VALUE,
              stats);
      long start = System.nanoTime();
      long end = start + Duration.ofSeconds(seconds).toNanos();
      long n = firstTrace;
      while (System.nanoTime() < end) {
        List<SpanData> batch = new ArrayList<>(SPANS_PER_REQUEST);
        for (int t = 0; t < TRACES_PER_REQUEST; t++) {
          batch.addAll(
              SyntheticTraces.trace(
                      n++,
                      SPANS_PER_REQUEST / TRACES_PER_REQUEST + 1,
                      System.currentTimeMillis() * 1_000_000L,
                      false)
                  .subList(0, SPANS_PER_REQUEST / TRACES_PER_REQUEST));
        }
        exporter.export(batch);
      }
      exporter.shutdown();
      if (stats.dropped() > 0 || stats.failed() > 0) {
        throw new IllegalStateException(
            "own path: " + stats.failed() + " failed, " + stats.lastError());
      }
      return stats.exported() / ((System.nanoTime() - start) / 1e9);
    }
  }

  private static long storedBenchSpans(String jdbc, String user, String password)
      throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbc, user, password);
        Statement sql = connection.createStatement();
        ResultSet rows =
            sql.executeQuery("select count(*) from spans where service_name = '" + SERVICE + "'")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /**
   * One serialised request, with the offsets of its trace ids: request k is a copy with each of its
   * 32 trace ids replaced by (k, j), so that every request has spans of its own at the cost of a
   * copy, not of encoding (the load generator shares the two cores with the server).
   */
  private static final class Template {
    final byte[] bytes;
    final int[][] offsets; // per trace j, where its id occurs

    private Template(byte[] bytes, int[][] offsets) {
      this.bytes = bytes;
      this.offsets = offsets;
    }

    static Template make() {
      long now = System.currentTimeMillis() * 1_000_000L;
      ScopeSpans.Builder scope =
          ScopeSpans.newBuilder()
              .setScope(
                  InstrumentationScope.newBuilder()
                      .setName("io.opentelemetry.bench")
                      .setVersion("1.0"));
      int perTrace = SPANS_PER_REQUEST / TRACES_PER_REQUEST;
      for (int j = 0; j < TRACES_PER_REQUEST; j++) {
        ByteString traceId = ByteString.copyFrom(marker(j));
        for (int i = 0; i < perTrace; i++) {
          Span.Builder span =
              Span.newBuilder()
                  .setTraceId(traceId)
                  .setSpanId(ByteString.copyFrom(ByteBuffer.allocate(8).putLong(1 + i).array()))
                  .setName(i == 0 ? "GET /orders" : "SELECT orders " + i)
                  .setKind(i == 0 ? Span.SpanKind.SPAN_KIND_SERVER : Span.SpanKind.SPAN_KIND_CLIENT)
                  .setStartTimeUnixNano(now + i * 1000L)
                  .setEndTimeUnixNano(now + i * 1000L + 500_000)
                  .addAttributes(kv("http.route", "/orders"))
                  .addAttributes(kv("db.system", "postgresql"))
                  .addAttributes(kv("db.statement", "select * from orders where customer = ?"))
                  .addAttributes(kv("server.address", "orders-db"))
                  .addAttributes(kv("thread.name", "http-nio-8080-exec-" + i))
                  .addAttributes(kv("user_agent.original", "bench/1.0"));
          if (i > 0) {
            span.setParentSpanId(ByteString.copyFrom(ByteBuffer.allocate(8).putLong(1).array()));
          }
          scope.addSpans(span);
        }
      }
      byte[] bytes =
          ExportTraceServiceRequest.newBuilder()
              .addResourceSpans(
                  ResourceSpans.newBuilder()
                      .setResource(
                          Resource.newBuilder()
                              .addAttributes(kv("service.name", SERVICE))
                              .addAttributes(kv("service.instance.id", "bench-1")))
                      .addScopeSpans(scope))
              .build()
              .toByteArray();
      int[][] offsets = new int[TRACES_PER_REQUEST][];
      for (int j = 0; j < TRACES_PER_REQUEST; j++) {
        offsets[j] = find(bytes, marker(j));
      }
      return new Template(bytes, offsets);
    }

    byte[] request(long k) {
      byte[] copy = bytes.clone();
      for (int j = 0; j < offsets.length; j++) {
        byte[] id =
            ByteBuffer.allocate(16).putLong(0x5eed_0000_0000_0000L | k).putLong(j + 1L).array();
        for (int offset : offsets[j]) {
          System.arraycopy(id, 0, copy, offset, 16);
        }
      }
      return copy;
    }

    private static byte[] marker(int j) {
      return ByteBuffer.allocate(16).putLong(0x7ace_7ace_7ace_7aceL).putLong(j + 1L).array();
    }

    private static int[] find(byte[] haystack, byte[] needle) {
      List<Integer> found = new ArrayList<>();
      outer:
      for (int i = 0; i + needle.length <= haystack.length; i++) {
        for (int k = 0; k < needle.length; k++) {
          if (haystack[i + k] != needle[k]) {
            continue outer;
          }
        }
        found.add(i);
      }
      return found.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  private static KeyValue kv(String key, String value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(value))
        .build();
  }

  private IngestBench() {}
}
