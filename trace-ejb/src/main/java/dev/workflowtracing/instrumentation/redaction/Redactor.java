package dev.workflowtracing.instrumentation.redaction;

import dev.workflowtracing.conventions.Artifacts;
import dev.workflowtracing.spans.FinishedSpan;
import dev.workflowtracing.spans.SpanEvent;
import dev.workflowtracing.spans.SpanLink;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies the redaction rules: drops and masks attributes by key, replaces sensitive text by {@code
 * [REDACTED:rule]} markers, and caps the length of attribute values and artifacts. Pure and
 * thread-safe.
 */
public final class Redactor {

  private final RedactionSettings settings;
  private final KeyTreatments keys;
  private final TextRedactor texts;

  public Redactor(RedactionSettings settings) {
    this.settings = settings;
    MaskKeys maskKeys = new MaskKeys(settings.maskKeys());
    this.keys = new KeyTreatments(settings, maskKeys);
    this.texts = new TextRedactor(settings.rules(), maskKeys, keys);
  }

  public RedactionSettings settings() {
    return settings;
  }

  /**
   * Text with every sensitive match replaced and every mask key's value masked (no length cap).
   * Text that is JSON is redacted as {@link #json} would, and written back compact.
   */
  public String text(String text) {
    if (text == null || !settings.enabled()) {
      return text;
    }
    return texts.text(text);
  }

  public SpanData span(SpanData span) {
    return new RedactedSpanData(
        span,
        attributes(span.getAttributes(), settings.maxAttributeLength()),
        span.getEvents().stream().map(this::event).toList(),
        span.getLinks().stream()
            .map(
                l ->
                    LinkData.create(
                        l.getSpanContext(),
                        attributes(l.getAttributes(), settings.maxAttributeLength()),
                        l.getTotalAttributeCount()))
            .toList(),
        StatusData.create(
            span.getStatus().getStatusCode(),
            cap(text(span.getStatus().getDescription()), settings.maxAttributeLength())));
  }

  /**
   * A span received from another service (OTLP) or imported, redacted by the same rules before
   * anything of it is stored.
   */
  public FinishedSpan span(FinishedSpan span) {
    int max = settings.maxAttributeLength();
    return span.with(
        attributes(span.attributes(), max),
        span.events().stream().map(this::event).toList(),
        span.links().stream()
            .map(l -> new SpanLink(l.traceId(), l.spanId(), attributes(l.attributes(), max)))
            .toList(),
        cap(text(span.statusMessage()), max));
  }

  /**
   * JSON (run inputs and outputs) with sensitive text replaced and masked keys masked at any depth.
   * As with span attributes, a masked key's number or boolean is kept: "tokens": 23 is a count, not
   * a token.
   */
  public JsonValue json(JsonValue value) {
    if (value == null || !settings.enabled()) {
      return value;
    }
    return texts.json(value);
  }

  private EventData event(EventData event) {
    Attributes attributes = eventAttributes(event.getName(), event.getAttributes());
    if (attributes == event.getAttributes()) {
      return event;
    }
    return EventData.create(
        event.getEpochNanos(), event.getName(), attributes, event.getTotalAttributeCount());
  }

  private SpanEvent event(SpanEvent event) {
    Attributes attributes = eventAttributes(event.name(), event.attributes());
    return attributes == event.attributes()
        ? event
        : new SpanEvent(event.name(), event.epochNanos(), attributes);
  }

  /** An artifact's content is capped at the artifact length, other event attributes as usual. */
  private Attributes eventAttributes(String eventName, Attributes original) {
    int max =
        Artifacts.EVENT.equals(eventName)
            ? settings.maxArtifactLength()
            : settings.maxAttributeLength();
    Attributes attributes = attributes(original, max);
    String content = original.get(Artifacts.CONTENT);
    if (content != null && content.length() > max) {
      attributes =
          attributes.toBuilder().put(Artifacts.ORIGINAL_LENGTH, (long) content.length()).build();
    }
    return attributes;
  }

  /**
   * The attributes with keys dropped or masked and text redacted and capped; the very same instance
   * when nothing needed to change, which is most spans (building a new one sorts and copies, for
   * every span).
   */
  @SuppressWarnings("unchecked")
  Attributes attributes(Attributes attributes, int maxLength) {
    List<Map.Entry<AttributeKey<?>, Object>> redacted = new ArrayList<>(attributes.size());
    boolean[] changed = {false};
    attributes.forEach(
        (key, value) -> {
          Object result = value(key, value, maxLength);
          changed[0] |= result != value;
          if (result != null) {
            redacted.add(Map.entry(key, result));
          }
        });
    if (!changed[0]) {
      return attributes;
    }
    AttributesBuilder builder = Attributes.builder();
    redacted.forEach(e -> builder.put((AttributeKey<Object>) e.getKey(), e.getValue()));
    return builder.build();
  }

  /** An attribute's value as it may be exported: the same object if unchanged, null if dropped. */
  @SuppressWarnings("unchecked")
  private Object value(AttributeKey<?> key, Object value, int maxLength) {
    KeyTreatments.Treatment treatment = keys.of(key.getKey());
    if (treatment == KeyTreatments.Treatment.DROP) {
      return null;
    }
    boolean masked = treatment == KeyTreatments.Treatment.MASK;
    if (key.getType() == AttributeType.STRING) {
      return masked ? Mask.TEXT : cap(text((String) value), maxLength);
    }
    if (key.getType() == AttributeType.STRING_ARRAY) {
      List<String> texts = (List<String>) value;
      List<String> result =
          texts.stream().map(v -> masked ? Mask.TEXT : cap(text(v), maxLength)).toList();
      return result.equals(texts) && !masked ? value : result;
    }
    return value;
  }

  /**
   * Cuts at maxLength, but never through a redaction marker: a marker cut in half is kept whole.
   */
  static String cap(String text, int maxLength) {
    if (text == null || text.length() <= maxLength) {
      return text;
    }
    int cut = maxLength;
    int markerStart = text.lastIndexOf("[REDACTED", maxLength - 1);
    if (markerStart >= 0) {
      int markerEnd = text.indexOf(']', markerStart);
      if (markerEnd >= maxLength) {
        cut = markerEnd + 1;
      }
    }
    if (cut >= text.length()) {
      return text;
    }
    return text.substring(0, cut) + "…[truncated " + (text.length() - cut) + " chars]";
  }
}
