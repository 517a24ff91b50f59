package dev.workflowtracing.otlp;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import dev.workflowtracing.json.JsonFactory;
import dev.workflowtracing.spans.SpanEvent;
import dev.workflowtracing.spans.SpanLink;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** An OTLP/HTTP protobuf body ({@code ExportTraceServiceRequest}) as spans. */
public final class OtlpProtobuf {

  private static final HexFormat HEX = HexFormat.of();

  private OtlpProtobuf() {}

  public static OtlpBatch decode(byte[] body, OwnSpans own) {
    ExportTraceServiceRequest request;
    try {
      CodedInputStream input = CodedInputStream.newInstance(body);
      input.setRecursionLimit(32);
      request = ExportTraceServiceRequest.parseFrom(input);
      input.checkLastTagWas(0);
    } catch (IOException e) {
      // InvalidProtocolBufferException: a byte array gives no other I/O failure.
      throw new InvalidOtlpException(
          "not a protobuf ExportTraceServiceRequest (OTLP 1.x): " + e.getMessage());
    }
    // Bytes that happen to be valid protobuf but none of OTLP's fields are not a request.
    if (request.getResourceSpansCount() == 0 && !request.getUnknownFields().asMap().isEmpty()) {
      throw new InvalidOtlpException(
          "not an ExportTraceServiceRequest: the body has none of its fields (resource_spans = 1)");
    }
    OtlpBatch.Builder batch = new OtlpBatch.Builder();
    for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
      Attributes resource = attributes(resourceSpans.getResource().getAttributesList());
      for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
        ScopeSources sources =
            new ScopeSources(
                resource, scopeSpans.getScope().getName(), scopeSpans.getScope().getVersion());
        for (Span span : scopeSpans.getSpansList()) {
          add(batch, span, sources, own);
        }
      }
    }
    return batch.build();
  }

  private static void add(OtlpBatch.Builder batch, Span span, ScopeSources sources, OwnSpans own) {
    try {
      Attributes attributes = attributes(span.getAttributesList());
      batch.add(
          SpanFromOtlp.span(
              hex(span.getTraceId()),
              hex(span.getSpanId()),
              hex(span.getParentSpanId()),
              span.getName(),
              span.getKindValue(),
              span.getStatus().getCodeValue(),
              span.getStatus().getMessage(),
              span.getStartTimeUnixNano(),
              span.getEndTimeUnixNano(),
              attributes,
              events(span),
              links(span),
              sources.of(own.isOwn(attributes))));
    } catch (SpanFromOtlp.Rejected e) {
      batch.reject(e.getMessage());
    }
  }

  private static List<SpanEvent> events(Span span) {
    List<SpanEvent> events = new ArrayList<>(span.getEventsCount());
    for (Span.Event event : span.getEventsList()) {
      events.add(
          new SpanEvent(
              event.getName(), event.getTimeUnixNano(), attributes(event.getAttributesList())));
    }
    return events;
  }

  private static List<SpanLink> links(Span span) throws SpanFromOtlp.Rejected {
    List<SpanLink> links = new ArrayList<>(span.getLinksCount());
    for (Span.Link link : span.getLinksList()) {
      links.add(
          new SpanLink(
              SpanFromOtlp.traceId(hex(link.getTraceId()), "a link's traceId"),
              SpanFromOtlp.spanId(hex(link.getSpanId()), "a link's spanId"),
              attributes(link.getAttributesList())));
    }
    return links;
  }

  private static String hex(ByteString bytes) {
    return HEX.formatHex(bytes.toByteArray());
  }

  static Attributes attributes(List<KeyValue> keyValues) {
    if (keyValues.isEmpty()) {
      return Attributes.empty();
    }
    AttributesBuilder builder = Attributes.builder();
    for (KeyValue keyValue : keyValues) {
      OtlpValues.put(builder, keyValue.getKey(), value(keyValue.getValue(), 1));
    }
    return builder.build();
  }

  private static OtlpValues.Value value(AnyValue value, int depth) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> new OtlpValues.Primitive(value.getStringValue());
      case BOOL_VALUE -> new OtlpValues.Primitive(value.getBoolValue());
      case INT_VALUE -> new OtlpValues.Primitive(value.getIntValue());
      case DOUBLE_VALUE -> new OtlpValues.Primitive(value.getDoubleValue());
      case ARRAY_VALUE -> {
        if (depth > OtlpValues.MAX_DEPTH) {
          yield new OtlpValues.Primitive(OtlpValues.TOO_DEEP);
        }
        List<OtlpValues.Value> elements = new ArrayList<>();
        for (AnyValue element : value.getArrayValue().getValuesList()) {
          elements.add(value(element, depth + 1));
        }
        yield OtlpValues.array(elements, () -> json(value, depth));
      }
      case KVLIST_VALUE, BYTES_VALUE -> new OtlpValues.Complex(json(value, depth));
      default -> new OtlpValues.Primitive("");
    };
  }

  /** A value as JSON, for those kept as JSON text. */
  private static JsonValue json(AnyValue value, int depth) {
    if (depth > OtlpValues.MAX_DEPTH) {
      return JsonFactory.createValue(OtlpValues.TOO_DEEP);
    }
    return switch (value.getValueCase()) {
      case STRING_VALUE -> JsonFactory.createValue(value.getStringValue());
      case BOOL_VALUE -> value.getBoolValue() ? JsonValue.TRUE : JsonValue.FALSE;
      case INT_VALUE -> JsonFactory.createValue(java.math.BigDecimal.valueOf(value.getIntValue()));
      case DOUBLE_VALUE ->
          Double.isFinite(value.getDoubleValue())
              ? JsonFactory.createValue(java.math.BigDecimal.valueOf(value.getDoubleValue()))
              : JsonFactory.createValue(Double.toString(value.getDoubleValue()));
      case BYTES_VALUE ->
          JsonFactory.createValue(
              Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray()));
      case ARRAY_VALUE -> {
        JsonArrayBuilder array = JsonFactory.createArrayBuilder();
        value.getArrayValue().getValuesList().forEach(v -> array.add(json(v, depth + 1)));
        yield array.build();
      }
      case KVLIST_VALUE -> {
        JsonObjectBuilder object = JsonFactory.createObjectBuilder();
        value
            .getKvlistValue()
            .getValuesList()
            .forEach(kv -> object.add(kv.getKey(), json(kv.getValue(), depth + 1)));
        yield object.build();
      }
      default -> JsonValue.NULL;
    };
  }
}
