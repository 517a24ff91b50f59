package dev.workflowtracing.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowtracing.json.BoundedJson;
import dev.workflowtracing.spans.FinishedSpan;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bodies written by the OpenTelemetry SDK's own OTLP encoder (the exporter's), decoded by ours:
 * both encodings give the same spans, with their resource, scope, attributes of every type, events,
 * links and status.
 */
class OtlpDecodingTest {

  private static final Attributes RESOURCE =
      Attributes.of(
          AttributeKey.stringKey("service.name"), "inventory",
          AttributeKey.stringKey("service.instance.id"), "inventory-7");

  @Test
  void protobufAndJsonOfTheSdksEncoderGiveTheSameSpans() throws IOException {
    List<SpanData> recorded = record();
    TraceRequestMarshaler request = TraceRequestMarshaler.create(recorded);

    OtlpBatch fromProtobuf = OtlpProtobuf.decode(protobuf(request), OwnSpans.NONE);
    OtlpBatch fromJson = OtlpJson.decode(json(request), OwnSpans.NONE);

    assertThat(fromProtobuf.rejected()).isZero();
    assertThat(fromProtobuf.spans()).hasSize(2).isEqualTo(fromJson.spans());
    FinishedSpan server =
        fromProtobuf.spans().stream().filter(s -> s.name().equals("GET /stock")).findFirst().get();
    SpanData original =
        recorded.stream().filter(s -> s.getName().equals("GET /stock")).findFirst().get();
    assertThat(server.traceId()).isEqualTo(original.getTraceId());
    assertThat(server.spanId()).isEqualTo(original.getSpanId());
    assertThat(server.parentSpanId()).isEqualTo(original.getParentSpanId());
    assertThat(server.kind()).isEqualTo(SpanKind.SERVER);
    assertThat(server.statusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(server.statusMessage()).isEqualTo("out of stock");
    assertThat(server.startNanos()).isEqualTo(original.getStartEpochNanos());
    assertThat(server.endNanos()).isEqualTo(original.getEndEpochNanos());
    assertThat(server.attributes().get(AttributeKey.stringKey("http.route"))).isEqualTo("/stock");
    assertThat(server.attributes().get(AttributeKey.longKey("http.status"))).isEqualTo(500L);
    assertThat(server.attributes().get(AttributeKey.doubleKey("ratio"))).isEqualTo(0.25);
    assertThat(server.attributes().get(AttributeKey.booleanKey("cached"))).isFalse();
    assertThat(server.attributes().get(AttributeKey.stringArrayKey("tags")))
        .containsExactly("a", "b");
    assertThat(server.attributes().get(AttributeKey.longArrayKey("sizes"))).containsExactly(1L, 2L);
    assertThat(server.events())
        .singleElement()
        .satisfies(e -> assertThat(e.name()).isEqualTo("retry"));
    assertThat(server.links()).singleElement().satisfies(l -> assertThat(l.spanId()).hasSize(16));
    assertThat(server.source().serviceName()).isEqualTo("inventory");
    assertThat(server.source().serviceInstanceId()).isEqualTo("inventory-7");
    assertThat(server.source().scopeName()).isEqualTo("io.opentelemetry.test-server");
    assertThat(server.source().scopeVersion()).isEqualTo("1.2.3");
    assertThat(server.source().foreign()).isTrue();
  }

  @Test
  void oneResourceSpansObjectAsTheLoggingExporterWritesItIsTakenToo() throws IOException {
    TraceRequestMarshaler request = TraceRequestMarshaler.create(record());
    var whole = json(request).asJsonObject();
    var oneResource = whole.getJsonArray("resourceSpans").get(0);

    assertThat(OtlpJson.decode(oneResource, OwnSpans.NONE).spans()).hasSize(2);
  }

  @Test
  void garbageAndTruncatedProtobufAreRefusedSayingWhat() throws IOException {
    byte[] body = protobuf(TraceRequestMarshaler.create(record()));

    assertThatThrownBy(
            () -> OtlpProtobuf.decode(Arrays.copyOf(body, body.length - 7), OwnSpans.NONE))
        .isInstanceOf(InvalidOtlpException.class)
        .hasMessageContaining("ExportTraceServiceRequest");
    byte[] garbage = new byte[512];
    new java.util.Random(42).nextBytes(garbage);
    assertThatThrownBy(() -> OtlpProtobuf.decode(garbage, OwnSpans.NONE))
        .isInstanceOf(InvalidOtlpException.class);
    assertThatThrownBy(
            () ->
                OtlpProtobuf.decode("hello, world".getBytes(StandardCharsets.UTF_8), OwnSpans.NONE))
        .isInstanceOf(InvalidOtlpException.class);
    assertThat(OtlpProtobuf.decode(new byte[0], OwnSpans.NONE).spans()).isEmpty();
  }

  @Test
  void aSpanWithAnInvalidIdIsRejectedAndTheOthersKept() {
    String body =
        """
        {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"x"}}]},
         "scopeSpans":[{"scope":{"name":"s"},"spans":[
          {"traceId":"00000000000000000000000000000000","spanId":"00f067aa0ba902b7","name":"zero","startTimeUnixNano":"1"},
          {"traceId":"4BF92F3577B34DA6A3CE929D0E0E4736","spanId":"00f067aa0ba902b7","name":"ok",
           "kind":"SPAN_KIND_CLIENT","startTimeUnixNano":1700000000000000000,"endTimeUnixNano":"5",
           "status":{"code":"STATUS_CODE_OK"},
           "attributes":[{"key":"mixed","value":{"arrayValue":{"values":[{"intValue":"1"},{"stringValue":"a"}]}}},
                         {"key":"map","value":{"kvlistValue":{"values":[{"key":"k","value":{"boolValue":true}}]}}}]},
          {"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","spanId":"abc","name":"short id","startTimeUnixNano":"1"}]}]}]}
        """;

    OtlpBatch batch = OtlpJson.decode(BoundedJson.read(new StringReader(body)), OwnSpans.NONE);

    assertThat(batch.rejected()).isEqualTo(2);
    assertThat(batch.rejectionMessage()).contains("2 span(s) rejected", "traceId");
    FinishedSpan ok = batch.spans().get(0);
    assertThat(ok.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(ok.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(ok.statusCode()).isEqualTo(StatusCode.OK);
    assertThat(ok.endNanos()).isEqualTo(ok.startNanos()); // an end before the start is repaired
    assertThat(ok.attributes().get(AttributeKey.stringKey("mixed"))).isEqualTo("[\"1\",\"a\"]");
    assertThat(ok.attributes().get(AttributeKey.stringKey("map"))).isEqualTo("{\"k\":true}");
  }

  @Test
  void jsonThatIsNoTraceRequestIsRefused() {
    assertThatThrownBy(
            () -> OtlpJson.decode(BoundedJson.read(new StringReader("[1,2]")), OwnSpans.NONE))
        .isInstanceOf(InvalidOtlpException.class);
    assertThatThrownBy(
            () ->
                OtlpJson.decode(
                    BoundedJson.read(new StringReader("{\"resourceSpans\":{}}")), OwnSpans.NONE))
        .hasMessageContaining("must be an array");
    assertThatThrownBy(
            () ->
                OtlpJson.decode(
                    BoundedJson.read(new StringReader("{\"metrics\":[]}")), OwnSpans.NONE))
        .hasMessageContaining("resourceSpans");
  }

  private static List<SpanData> record() {
    InMemorySpanExporter memory = InMemorySpanExporter.create();
    try (var provider =
        SdkTracerProvider.builder()
            .setResource(Resource.create(RESOURCE))
            .addSpanProcessor(SimpleSpanProcessor.create(memory))
            .build()) {
      var tracer =
          provider
              .tracerBuilder("io.opentelemetry.test-server")
              .setInstrumentationVersion("1.2.3")
              .build();
      Span other = tracer.spanBuilder("other").startSpan();
      other.end();
      Span parent = tracer.spanBuilder("client").setSpanKind(SpanKind.CLIENT).startSpan();
      Span server =
          tracer
              .spanBuilder("GET /stock")
              .setParent(io.opentelemetry.context.Context.root().with(parent))
              .setSpanKind(SpanKind.SERVER)
              .addLink(other.getSpanContext())
              .startSpan();
      server.setAttribute("http.route", "/stock");
      server.setAttribute("http.status", 500L);
      server.setAttribute("ratio", 0.25);
      server.setAttribute("cached", false);
      server.setAttribute(AttributeKey.stringArrayKey("tags"), List.of("a", "b"));
      server.setAttribute(AttributeKey.longArrayKey("sizes"), List.of(1L, 2L));
      server.addEvent("retry");
      server.setStatus(StatusCode.ERROR, "out of stock");
      server.end();
      parent.end();
      return memory.getFinishedSpanItems().stream()
          .filter(s -> !s.getName().equals("other"))
          .toList();
    }
  }

  private static byte[] protobuf(TraceRequestMarshaler request) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    request.writeBinaryTo(out);
    return out.toByteArray();
  }

  private static jakarta.json.JsonValue json(TraceRequestMarshaler request) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    request.writeJsonTo(out);
    return BoundedJson.read(new StringReader(out.toString(StandardCharsets.UTF_8)));
  }
}
