package dev.workflowtracing.tracestore;

import dev.workflowtracing.conventions.Artifacts;
import dev.workflowtracing.json.JsonText;
import dev.workflowtracing.spans.FinishedSpan;
import dev.workflowtracing.spans.SpanEvent;
import dev.workflowtracing.spans.SpanLink;
import dev.workflowtracing.spans.SpanSource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Stored span rows as {@link FinishedSpan}s again, for the OTLP export: attributes, events and
 * links from their JSON text, and the artifacts back as the {@link Artifacts#EVENT} events they
 * were taken from (at the span's start), so that an import stores them as artifacts again.
 */
public final class StoredSpans {

  private StoredSpans() {}

  /**
   * @param ownService the service name of our own spans stored before schema version 15, which did
   *     not keep it
   */
  public static FinishedSpan finished(
      SpanRecord span, List<StoredArtifact> artifacts, String ownService) {
    StoredSource stored = span.getSource();
    Attributes resource =
        stored.getResource() == null
            ? Attributes.empty()
            : attributes(JsonText.parse(stored.getResource()));
    SpanSource source =
        new SpanSource(
            stored.getServiceName() == null && !stored.isForeign()
                ? ownService
                : stored.getServiceName(),
            stored.getServiceInstanceId(),
            resource,
            stored.getScopeName(),
            stored.getScopeVersion(),
            stored.isForeign());
    List<SpanEvent> events = new ArrayList<>();
    if (JsonText.parse(span.getEvents()) instanceof JsonArray array) {
      for (JsonValue value : array) {
        if (value instanceof JsonObject event) {
          events.add(
              new SpanEvent(
                  event.getString("name", ""),
                  event.getJsonNumber("timeNanos") == null
                      ? span.getStartNanos()
                      : event.getJsonNumber("timeNanos").longValue(),
                  attributes(event.get("attributes"))));
        }
      }
    }
    for (StoredArtifact artifact : artifacts) {
      AttributesBuilder a =
          Attributes.builder()
              .put(Artifacts.KIND, artifact.kind())
              .put(Artifacts.CONTENT_TYPE, artifact.contentType())
              .put(Artifacts.CONTENT, artifact.content());
      if (artifact.truncated()) {
        a.put(Artifacts.ORIGINAL_LENGTH, (long) artifact.originalLength());
      }
      events.add(new SpanEvent(Artifacts.EVENT, span.getStartNanos(), a.build()));
    }
    List<SpanLink> links = new ArrayList<>();
    if (JsonText.parse(span.getLinks()) instanceof JsonArray array) {
      for (JsonValue value : array) {
        if (value instanceof JsonObject link) {
          links.add(
              new SpanLink(
                  link.getString("traceId", ""),
                  link.getString("spanId", ""),
                  attributes(link.get("attributes"))));
        }
      }
    }
    return new FinishedSpan(
        span.getTraceId(),
        span.getSpanId(),
        span.getParentSpanId(),
        span.getName(),
        enumOr(SpanKind.class, span.getKind(), SpanKind.INTERNAL),
        enumOr(StatusCode.class, span.getStatusCode(), StatusCode.UNSET),
        span.getStatusMessage(),
        span.getStartNanos(),
        span.getEndNanos(),
        attributes(JsonText.parse(span.getAttributes())),
        events,
        links,
        source);
  }

  /** Attributes from the JSON object they were stored as; numbers with a fraction are doubles. */
  static Attributes attributes(JsonValue json) {
    if (!(json instanceof JsonObject object) || object.isEmpty()) {
      return Attributes.empty();
    }
    AttributesBuilder builder = Attributes.builder();
    object.forEach(
        (key, value) -> {
          if (value instanceof JsonString s) {
            builder.put(key, s.getString());
          } else if (value instanceof JsonNumber n) {
            if (n.isIntegral()) {
              builder.put(key, n.longValue());
            } else {
              builder.put(key, n.doubleValue());
            }
          } else if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            builder.put(key, value == JsonValue.TRUE);
          } else if (value instanceof JsonArray array) {
            // Stored arrays hold their elements as text (SpanRows).
            builder.put(
                AttributeKey.stringArrayKey(key),
                array.stream()
                    .map(v -> v instanceof JsonString s ? s.getString() : v.toString())
                    .toList());
          }
        });
    return builder.build();
  }

  private static <E extends Enum<E>> E enumOr(Class<E> type, String name, E otherwise) {
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException | NullPointerException e) {
      return otherwise;
    }
  }
}
