package dev.workflowtracing.tracestore;

import dev.workflowtracing.conventions.Artifacts;
import dev.workflowtracing.conventions.WorkflowAttributes;
import dev.workflowtracing.json.JsonFactory;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What one finished span is stored as: the span row, its scalar attributes as rows for filtering,
 * and its artifacts (taken out of the events, where {@link Artifacts} put them), which go into the
 * span row's {@code artifacts} column.
 */
public record SpanRows(
    SpanRecord span, List<SpanAttributeRecord> attributes, List<StoredArtifact> artifacts) {

  // The columns' lengths (V1 migration): a span that would not fit is repaired, not refused.
  private static final int MAX_JSON_LENGTH = 1_000_000;
  private static final int MAX_LINKS_LENGTH = 100_000;

  public static SpanRows of(SpanData data, int maxArtifactLength, IndexedAttributes indexed) {
    String traceId = data.getTraceId();
    String spanId = data.getSpanId();
    var parent = data.getParentSpanContext();
    List<StoredArtifact> artifacts = new ArrayList<>();
    List<EventData> events = new ArrayList<>();
    for (EventData event : data.getEvents()) {
      if (Artifacts.EVENT.equals(event.getName())) {
        Attributes a = event.getAttributes();
        artifacts.add(
            StoredArtifact.capped(
                artifacts.size(),
                orDefault(a.get(Artifacts.KIND), "artifact"),
                orDefault(a.get(Artifacts.CONTENT_TYPE), "text/plain"),
                orDefault(a.get(Artifacts.CONTENT), ""),
                // Set by the redactor when it already cut the content.
                Math.toIntExact(orDefault(a.get(Artifacts.ORIGINAL_LENGTH), 0L)),
                maxArtifactLength));
      } else {
        events.add(event);
      }
    }
    SpanRecord span =
        new SpanRecord(
            traceId,
            spanId,
            parent.isValid() ? parent.getSpanId() : null,
            StoredText.fit(data.getName(), 500),
            data.getKind().name(),
            data.getStatus().getStatusCode().name(),
            StoredText.fit(data.getStatus().getDescription(), 2000),
            data.getStartEpochNanos(),
            data.getEndEpochNanos(),
            StoredText.fit(data.getAttributes().get(WorkflowAttributes.NODE_ID), 100),
            StoredText.fit(data.getAttributes().get(WorkflowAttributes.SPAN_ROLE), 16),
            StoredText.fitJsonObject(
                json(g -> writeAttributes(g, data.getAttributes())), MAX_JSON_LENGTH),
            events.isEmpty()
                ? "[]"
                : StoredText.fitJsonArray(json(g -> writeEvents(g, events)), MAX_JSON_LENGTH),
            data.getLinks().isEmpty()
                ? "[]"
                : StoredText.fitJsonArray(
                    json(g -> writeLinks(g, data.getLinks())), MAX_LINKS_LENGTH));
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
                    StoredText.fit(key.getKey(), 255),
                    StoredText.fit(String.valueOf(value), SpanAttributeRecord.MAX_VALUE_LENGTH)));
          }
        });
    return rows;
  }

  /**
   * JSON text written by a streaming generator: cheaper than building a JSON object model and
   * printing it, and this runs for every stored span (docs/performance.md).
   */
  private static String json(Consumer<JsonGenerator> content) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator generator = JsonFactory.createGenerator(out)) {
      content.accept(generator);
    }
    return out.toString();
  }

  private static void writeEvents(JsonGenerator g, List<EventData> events) {
    g.writeStartArray();
    for (EventData event : events) {
      g.writeStartObject().write("name", event.getName()).write("timeNanos", event.getEpochNanos());
      g.writeKey("attributes");
      writeAttributes(g, event.getAttributes());
      g.writeEnd();
    }
    g.writeEnd();
  }

  private static void writeLinks(JsonGenerator g, List<LinkData> links) {
    g.writeStartArray();
    for (LinkData link : links) {
      g.writeStartObject()
          .write("traceId", link.getSpanContext().getTraceId())
          .write("spanId", link.getSpanContext().getSpanId());
      g.writeKey("attributes");
      writeAttributes(g, link.getAttributes());
      g.writeEnd();
    }
    g.writeEnd();
  }

  private static void writeAttributes(JsonGenerator g, Attributes attributes) {
    g.writeStartObject();
    attributes.forEach((key, value) -> writeAttribute(g, key.getKey(), value));
    g.writeEnd();
  }

  private static void writeAttribute(JsonGenerator g, String name, Object value) {
    if (value instanceof Boolean b) {
      g.write(name, b);
    } else if (value instanceof Long l) {
      g.write(name, l);
    } else if (value instanceof Double d) {
      // JSON has no NaN or Infinity: written as text rather than failing the whole batch.
      if (d.isNaN() || d.isInfinite()) {
        g.write(name, d.toString());
      } else {
        g.write(name, d);
      }
    } else if (value instanceof List<?> list) {
      g.writeStartArray(name);
      list.forEach(item -> g.write(String.valueOf(item)));
      g.writeEnd();
    } else {
      g.write(name, String.valueOf(value));
    }
  }

  private static <T> T orDefault(T value, T defaultValue) {
    return value == null ? defaultValue : value;
  }
}
