package dev.workflowtracing.otlp;

import dev.workflowtracing.json.JsonFactory;
import dev.workflowtracing.spans.FinishedSpan;
import dev.workflowtracing.spans.SpanEvent;
import dev.workflowtracing.spans.SpanLink;
import dev.workflowtracing.spans.SpanSource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import jakarta.json.stream.JsonGenerator;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spans as one OTLP JSON {@code ExportTraceServiceRequest}, grouped by resource and scope as the
 * format wants: what {@link OtlpJson} and any OTLP/HTTP receiver read back.
 */
public final class OtlpJsonWriter {

  private OtlpJsonWriter() {}

  public static void write(List<FinishedSpan> spans, Writer out) {
    Map<Group, List<FinishedSpan>> groups = new LinkedHashMap<>();
    for (FinishedSpan span : spans) {
      groups.computeIfAbsent(Group.of(span.source()), g -> new ArrayList<>()).add(span);
    }
    Map<Resource, List<Group>> resources = new LinkedHashMap<>();
    groups
        .keySet()
        .forEach(g -> resources.computeIfAbsent(g.resource(), r -> new ArrayList<>()).add(g));
    try (JsonGenerator g = JsonFactory.createGenerator(out)) {
      g.writeStartObject().writeStartArray("resourceSpans");
      resources.forEach(
          (resource, scopes) -> {
            g.writeStartObject().writeStartObject("resource");
            attributes(g, resource.attributes());
            g.writeEnd().writeStartArray("scopeSpans");
            for (Group scope : scopes) {
              g.writeStartObject().writeStartObject("scope");
              if (scope.scopeName() != null) {
                g.write("name", scope.scopeName());
              }
              if (scope.scopeVersion() != null) {
                g.write("version", scope.scopeVersion());
              }
              g.writeEnd().writeStartArray("spans");
              groups.get(scope).forEach(span -> span(g, span));
              g.writeEnd().writeEnd();
            }
            g.writeEnd().writeEnd();
          });
      g.writeEnd().writeEnd();
    }
  }

  private static void span(JsonGenerator g, FinishedSpan span) {
    g.writeStartObject().write("traceId", span.traceId()).write("spanId", span.spanId());
    if (span.parentSpanId() != null) {
      g.write("parentSpanId", span.parentSpanId());
    }
    g.write("name", span.name())
        .write("kind", SpanFromOtlp.kindNumber(span.kind().name()))
        .write("startTimeUnixNano", Long.toString(span.startNanos()))
        .write("endTimeUnixNano", Long.toString(span.endNanos()));
    attributes(g, span.attributes());
    if (!span.events().isEmpty()) {
      g.writeStartArray("events");
      for (SpanEvent event : span.events()) {
        g.writeStartObject()
            .write("timeUnixNano", Long.toString(event.epochNanos()))
            .write("name", event.name());
        attributes(g, event.attributes());
        g.writeEnd();
      }
      g.writeEnd();
    }
    if (!span.links().isEmpty()) {
      g.writeStartArray("links");
      for (SpanLink link : span.links()) {
        g.writeStartObject().write("traceId", link.traceId()).write("spanId", link.spanId());
        attributes(g, link.attributes());
        g.writeEnd();
      }
      g.writeEnd();
    }
    g.writeStartObject("status").write("code", SpanFromOtlp.statusNumber(span.statusCode().name()));
    if (span.statusMessage() != null) {
      g.write("message", span.statusMessage());
    }
    g.writeEnd().writeEnd();
  }

  private static void attributes(JsonGenerator g, Attributes attributes) {
    g.writeStartArray("attributes");
    attributes.forEach(
        (key, value) -> {
          g.writeStartObject().write("key", key.getKey()).writeStartObject("value");
          value(g, key, value);
          g.writeEnd().writeEnd();
        });
    g.writeEnd();
  }

  private static void value(JsonGenerator g, AttributeKey<?> key, Object value) {
    switch (key.getType()) {
      case BOOLEAN -> g.write("boolValue", (Boolean) value);
      case LONG -> g.write("intValue", Long.toString((Long) value));
      case DOUBLE -> doubleValue(g, "doubleValue", (Double) value);
      case STRING_ARRAY, BOOLEAN_ARRAY, LONG_ARRAY, DOUBLE_ARRAY -> {
        g.writeStartObject("arrayValue").writeStartArray("values");
        for (Object element : (List<?>) value) {
          g.writeStartObject();
          if (element instanceof Boolean b) {
            g.write("boolValue", b);
          } else if (element instanceof Long l) {
            g.write("intValue", Long.toString(l));
          } else if (element instanceof Double d) {
            doubleValue(g, "doubleValue", d);
          } else {
            g.write("stringValue", String.valueOf(element));
          }
          g.writeEnd();
        }
        g.writeEnd().writeEnd();
      }
      default -> g.write("stringValue", String.valueOf(value));
    }
  }

  /** JSON has no NaN or infinities: the specification's mapping writes them as strings. */
  private static void doubleValue(JsonGenerator g, String name, double value) {
    if (Double.isFinite(value)) {
      g.write(name, value);
    } else {
      g.write(name, Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
    }
  }

  /** The resource's attributes, service name and instance included. */
  private record Resource(Attributes attributes) {}

  private record Group(Resource resource, String scopeName, String scopeVersion) {
    static Group of(SpanSource source) {
      var builder =
          source.resource() == null ? Attributes.builder() : source.resource().toBuilder();
      if (source.serviceName() != null) {
        builder.put(SpanSource.SERVICE_NAME, source.serviceName());
      }
      if (source.serviceInstanceId() != null) {
        builder.put(SpanSource.SERVICE_INSTANCE_ID, source.serviceInstanceId());
      }
      return new Group(new Resource(builder.build()), source.scopeName(), source.scopeVersion());
    }
  }
}
