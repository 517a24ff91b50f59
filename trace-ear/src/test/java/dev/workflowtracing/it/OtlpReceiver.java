package dev.workflowtracing.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real OTLP/HTTP receiver: decodes the protobuf {@code ExportTraceServiceRequest} the server's
 * exporter posts to {@code /v1/traces}. Also plays two more peers of the server: {@code /echo}
 * records request headers (the traceparent an http node sends), and {@code /v1/chat/completions}
 * answers like an OpenAI-compatible model.
 */
final class OtlpReceiver implements AutoCloseable {

  /** A received span with the resource's service name. */
  record ReceivedSpan(
      String serviceName, String traceId, String spanId, String parentSpanId, Span span) {}

  private final HttpServer server;
  private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
  private final List<Map<String, String>> echoHeaders = new CopyOnWriteArrayList<>();
  private final List<String> exportHeaders = new CopyOnWriteArrayList<>();
  private volatile boolean accepting = true;

  OtlpReceiver(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
    server.createContext("/v1/traces", this::traces);
    server.createContext("/echo", this::echo);
    server.createContext("/v1/chat/completions", this::chatCompletion);
    server.start();
  }

  /** The x-collector-key header of each export request (set by otel.exporter.otlp.headers). */
  List<String> exportHeaders() {
    return exportHeaders;
  }

  List<ReceivedSpan> allSpans() {
    return List.copyOf(spans);
  }

  List<ReceivedSpan> spansOf(String traceId) {
    return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
  }

  List<Map<String, String>> echoHeaders() {
    return echoHeaders;
  }

  /** While false, export requests are answered 503, as by a collector that is down. */
  void accepting(boolean accepting) {
    this.accepting = accepting;
  }

  private void traces(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    exportHeaders.add(String.valueOf(exchange.getRequestHeaders().getFirst("x-collector-key")));
    if (!accepting) {
      exchange.sendResponseHeaders(503, -1);
      exchange.close();
      return;
    }
    ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
    HexFormat hex = HexFormat.of();
    for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
      String service =
          resourceSpans.getResource().getAttributesList().stream()
              .filter(a -> a.getKey().equals("service.name"))
              .map(a -> a.getValue().getStringValue())
              .findFirst()
              .orElse("");
      for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
        for (Span span : scopeSpans.getSpansList()) {
          spans.add(
              new ReceivedSpan(
                  service,
                  hex.formatHex(span.getTraceId().toByteArray()),
                  hex.formatHex(span.getSpanId().toByteArray()),
                  hex.formatHex(span.getParentSpanId().toByteArray()),
                  span));
        }
      }
    }
    byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
    exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
    exchange.sendResponseHeaders(200, response.length);
    exchange.getResponseBody().write(response);
    exchange.close();
  }

  private void echo(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new ConcurrentHashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
    echoHeaders.add(headers);
    byte[] body = "{\"echo\":true}".getBytes();
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private void chatCompletion(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new ConcurrentHashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
    headers.put("body", new String(exchange.getRequestBody().readAllBytes()));
    echoHeaders.add(headers);
    byte[] body =
        ("{\"id\": \"chatcmpl-1\", \"model\": \"gpt-test-0613\", \"choices\": [{\"index\": 0,"
                + " \"message\": {\"role\": \"assistant\", \"content\": \"Hello from the fake model\"}}],"
                + " \"usage\": {\"prompt_tokens\": 11, \"completion_tokens\": 7}}")
            .getBytes();
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
