package dev.workflowtracing.bench;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The collector the benchmarks' servers export to, so that they do what a deployment does: answers
 * every OTLP/HTTP export ({@code POST /v1/traces}) 200 with an empty ExportTraceServiceResponse,
 * counting the bytes received.
 */
final class OtlpSink {

  private OtlpSink() {}

  /** A receiver on its own, for a script's server: {@code OtlpSink <port>}, until killed. */
  public static void main(String[] args) throws Exception {
    AtomicLong bytes = new AtomicLong();
    start(Integer.parseInt(args[0]), bytes);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> System.out.println("OTLP receiver: " + bytes.get() + " bytes")));
    Thread.currentThread().join();
  }

  static HttpServer start(int port, AtomicLong bytes) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
    // Daemon threads: the benchmark's JVM ends when its work does (stop() leaves the pool running).
    server.setExecutor(
        Executors.newFixedThreadPool(
            2,
            task -> {
              Thread thread = new Thread(task, "otlp-sink");
              thread.setDaemon(true);
              return thread;
            }));
    server.createContext(
        "/v1/traces",
        exchange -> {
          bytes.addAndGet(exchange.getRequestBody().readAllBytes().length);
          exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
    return server;
  }
}
