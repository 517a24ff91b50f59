package dev.workflowtracing.tracestore;

import dev.workflowtracing.conventions.Artifacts;
import dev.workflowtracing.conventions.WorkflowAttributes;
import dev.workflowtracing.json.JsonFactory;
import dev.workflowtracing.spans.FinishedSpan;
import dev.workflowtracing.spans.SpanEvent;
import dev.workflowtracing.spans.SpanLink;
import dev.workflowtracing.spans.SpanSource;
import io.opentelemetry.api.common.Attributes;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What one finished span is stored as: the span row, its scalar attributes as rows for filtering,
 * and its artifacts (taken out of the events, where {@link Artifacts} put them), which go into the
 * span row's {@code artifacts} column. A foreign span's events stay events, and it has no node or
 * role: another service's attributes never make it count as one of the engine's spans.
 */
public record SpanRows(
    SpanRecord span, List<SpanAttributeRecord> attributes, List<StoredArtifact> artifacts) {

  // The columns' lengths (V1 migration): a span that would not fit is repaired, not refused.
  private static final int MAX_JSON_LENGTH = 1_000_000;
  private static final int MAX_LINKS_LENGTH = 100_000;

  public static SpanRows of(FinishedSpan data, int maxArtifactLength, IndexedAttributes indexed) {
    String traceId = data.traceId();
    String spanId = data.spanId();
    boolean foreign = data.source().foreign();
    List<StoredArtifact> artifacts = new ArrayList<>();
    List<SpanEvent> events = new ArrayList<>();
    for (SpanEvent event : data.events()) {
      if (!foreign && Artifacts.EVENT.equals(event.name())) {
        Attributes a = event.attributes();
        artifacts.add(
            StoredArtifact.capped(
                artifacts.size(),
                orDefault(a.get(Artifacts.KIND), "artifact"),
                orDefault(a.get(Artifacts.CONTENT_TYPE), "text/plain"),
                orDefault(a.get(Artifacts.CONTENT), ""),
                // Set by the redactor when it already cut the content.
                (int) Math.min(Integer.MAX_VALUE, orDefault(a.get(Artifacts.ORIGINAL_LENGTH), 0L)),
                maxArtifactLength));
      } else {
        events.add(event);
      }
    }
    SpanRecord span =
        new SpanRecord(
            traceId,
            spanId,
            data.parentSpanId(),
            StoredText.fit(data.name(), 500),
            data.kind().name(),
            data.statusCode().name(),
            StoredText.fit(data.statusMessage(), 2000),
            data.startNanos(),
            data.endNanos(),
            foreign ? null : StoredText.fit(data.attributes().get(WorkflowAttributes.NODE_ID), 100),
            foreign
                ? null
                : StoredText.fit(data.attributes().get(WorkflowAttributes.SPAN_ROLE), 16),
            StoredText.fitJsonObject(
                json(g -> writeAttributes(g, data.attributes())), MAX_JSON_LENGTH),
            events.isEmpty()
                ? "[]"
                : StoredText.fitJsonArray(json(g -> writeEvents(g, events)), MAX_JSON_LENGTH),
            data.links().isEmpty()
                ? "[]"
                : StoredText.fitJsonArray(json(g -> writeLinks(g, data.links())), MAX_LINKS_LENGTH),
            source(data.source()));
    if (!foreign) {
      Long version = data.attributes().get(WorkflowAttributes.WORKFLOW_VERSION);
      span.inWorkflow(
          StoredText.fit(data.attributes().get(WorkflowAttributes.WORKFLOW_ID), 100),
          version == null || version < 1 || version > Integer.MAX_VALUE
              ? null
              : version.intValue());
    }
    return new SpanRows(
        span, attributeRows(traceId, spanId, data.attributes(), indexed), artifacts);
  }

  /** The resource's attributes are stored for foreign spans only (ours are all the same). */
  private static StoredSource source(SpanSource source) {
    return new StoredSource(
        StoredText.fit(source.serviceName(), 255),
        StoredText.fit(source.serviceInstanceId(), 255),
        StoredText.fit(source.scopeName(), 255),
        StoredText.fit(source.scopeVersion(), 100),
        source.foreign()
            ? StoredText.fitJsonObject(
                json(g -> writeAttributes(g, source.resource())), MAX_LINKS_LENGTH)
            : null,
        source.foreign());
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

  private static void writeEvents(JsonGenerator g, List<SpanEvent> events) {
    g.writeStartArray();
    for (SpanEvent event : events) {
      g.writeStartObject().write("name", event.name()).write("timeNanos", event.epochNanos());
      g.writeKey("attributes");
      writeAttributes(g, event.attributes());
      g.writeEnd();
    }
    g.writeEnd();
  }

  private static void writeLinks(JsonGenerator g, List<SpanLink> links) {
    g.writeStartArray();
    for (SpanLink link : links) {
      g.writeStartObject().write("traceId", link.traceId()).write("spanId", link.spanId());
      g.writeKey("attributes");
      writeAttributes(g, link.attributes());
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
