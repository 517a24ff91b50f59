package dev.workflowtracing.trace;

import dev.workflowtracing.json.JsonFactory;
import dev.workflowtracing.tracing.Artifacts;
import dev.workflowtracing.tracing.WorkflowAttributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows one finished span becomes: the span itself, its scalar attributes for filtering, and its
 * artifacts (taken out of the events, where {@link Artifacts} put them).
 */
public record SpanRows(
    SpanRecord span, List<SpanAttributeRecord> attributes, List<ArtifactRecord> artifacts) {

  public static SpanRows of(SpanData data, int maxArtifactLength) {
    return of(data, maxArtifactLength, IndexedAttributes.parse("*"));
  }

  public static SpanRows of(SpanData data, int maxArtifactLength, IndexedAttributes indexed) {
    String traceId = data.getTraceId();
    String spanId = data.getSpanId();
    var parent = data.getParentSpanContext();
    List<ArtifactRecord> artifacts = new ArrayList<>();
    JsonArrayBuilder events = JsonFactory.createArrayBuilder();
    for (EventData event : data.getEvents()) {
      if (Artifacts.EVENT.equals(event.getName())) {
        Attributes a = event.getAttributes();
        artifacts.add(
            new ArtifactRecord(
                traceId,
                spanId,
                artifacts.size(),
                orDefault(a.get(Artifacts.KIND), "artifact"),
                orDefault(a.get(Artifacts.CONTENT_TYPE), "text/plain"),
                orDefault(a.get(Artifacts.CONTENT), ""),
                // Set by the redactor when it already cut the content.
                Math.toIntExact(orDefault(a.get(Artifacts.ORIGINAL_LENGTH), 0L)),
                maxArtifactLength));
      } else {
        events.add(
            JsonFactory.createObjectBuilder()
                .add("name", event.getName())
                .add("timeNanos", event.getEpochNanos())
                .add("attributes", json(event.getAttributes())));
      }
    }
    JsonArrayBuilder links = JsonFactory.createArrayBuilder();
    for (LinkData link : data.getLinks()) {
      links.add(
          JsonFactory.createObjectBuilder()
              .add("traceId", link.getSpanContext().getTraceId())
              .add("spanId", link.getSpanContext().getSpanId())
              .add("attributes", json(link.getAttributes())));
    }
    SpanRecord span =
        new SpanRecord(
            traceId,
            spanId,
            parent.isValid() ? parent.getSpanId() : null,
            truncate(data.getName(), 500),
            data.getKind().name(),
            data.getStatus().getStatusCode().name(),
            truncate(data.getStatus().getDescription(), 2000),
            data.getStartEpochNanos(),
            data.getEndEpochNanos(),
            data.getAttributes().get(WorkflowAttributes.NODE_ID),
            json(data.getAttributes()).build().toString(),
            events.build().toString(),
            links.build().toString());
    return new SpanRows(
        span, attributeRows(traceId, spanId, data.getAttributes(), indexed), artifacts);
  }

  private static List<SpanAttributeRecord> attributeRows(
      String traceId, String spanId, Attributes attributes, IndexedAttributes indexed) {
    List<SpanAttributeRecord> rows = new ArrayList<>();
    attributes.forEach(
        (key, value) -> {
          if (!(value instanceof List<?>) && indexed.contains(key.getKey())) {
            rows.add(
                new SpanAttributeRecord(
                    traceId,
                    spanId,
                    truncate(key.getKey(), 255),
                    truncate(String.valueOf(value), SpanAttributeRecord.MAX_VALUE_LENGTH)));
          }
        });
    return rows;
  }

  static JsonObjectBuilder json(Attributes attributes) {
    JsonObjectBuilder object = JsonFactory.createObjectBuilder();
    attributes.forEach((key, value) -> add(object, key, value));
    return object;
  }

  private static void add(JsonObjectBuilder object, AttributeKey<?> key, Object value) {
    String name = key.getKey();
    if (value instanceof Boolean b) {
      object.add(name, b);
    } else if (value instanceof Long l) {
      object.add(name, l);
    } else if (value instanceof Double d) {
      object.add(name, d);
    } else if (value instanceof List<?> list) {
      JsonArrayBuilder array = JsonFactory.createArrayBuilder();
      list.forEach(item -> array.add(String.valueOf(item)));
      object.add(name, array);
    } else {
      object.add(name, String.valueOf(value));
    }
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  private static <T> T orDefault(T value, T defaultValue) {
    return value == null ? defaultValue : value;
  }
}
