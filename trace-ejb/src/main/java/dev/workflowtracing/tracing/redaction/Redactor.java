package dev.workflowtracing.tracing.redaction;

import dev.workflowtracing.json.JsonFactory;
import dev.workflowtracing.tracing.Artifacts;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies the redaction rules: drops and masks attributes by key, replaces sensitive text by {@code
 * [REDACTED:rule]} markers, and caps the length of attribute values and artifacts. Pure and
 * thread-safe.
 */
public final class Redactor {

  public static final String MASK = "[REDACTED]";

  private static final JsonString MASKED = JsonFactory.createValue(MASK);

  /** What to do with an attribute, by its key. */
  private enum KeyTreatment {
    KEEP,
    MASK,
    DROP
  }

  // Span attribute keys are few and repeat on every span: decide once per key (bounded, as JSON
  // input keys are the user's).
  private static final int MAX_REMEMBERED_KEYS = 10_000;

  private final RedactionSettings settings;
  private final Map<String, KeyTreatment> treatmentByKey = new ConcurrentHashMap<>();

  public Redactor(RedactionSettings settings) {
    this.settings = settings;
  }

  public RedactionSettings settings() {
    return settings;
  }

  /** Text with every sensitive match replaced (no length cap). */
  public String text(String text) {
    if (text == null || !settings.enabled()) {
      return text;
    }
    String result = text;
    for (RedactionRule rule : settings.rules()) {
      result = rule.apply(result);
    }
    return result;
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
   * JSON (run inputs and outputs) with sensitive text replaced and masked keys masked. As with span
   * attributes, a masked key's number or boolean is kept: "tokens": 23 is a count, not a token.
   */
  public JsonValue json(JsonValue value) {
    if (value instanceof JsonString s) {
      return JsonFactory.createValue(text(s.getString()));
    }
    if (value instanceof JsonObject object) {
      var builder = JsonFactory.createObjectBuilder();
      object.forEach(
          (k, v) ->
              builder.add(
                  k, treatment(k) != KeyTreatment.KEEP && canHoldText(v) ? MASKED : json(v)));
      return builder.build();
    }
    if (value instanceof JsonArray array) {
      var builder = JsonFactory.createArrayBuilder();
      array.forEach(v -> builder.add(json(v)));
      return builder.build();
    }
    return value;
  }

  private EventData event(EventData event) {
    int max =
        Artifacts.EVENT.equals(event.getName())
            ? settings.maxArtifactLength()
            : settings.maxAttributeLength();
    Attributes attributes = attributes(event.getAttributes(), max);
    String content = event.getAttributes().get(Artifacts.CONTENT);
    if (content != null && content.length() > max) {
      attributes =
          attributes.toBuilder().put(Artifacts.ORIGINAL_LENGTH, (long) content.length()).build();
    }
    if (attributes == event.getAttributes()) {
      return event;
    }
    return EventData.create(
        event.getEpochNanos(), event.getName(), attributes, event.getTotalAttributeCount());
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
    KeyTreatment treatment = treatment(key.getKey());
    if (treatment == KeyTreatment.DROP) {
      return null;
    }
    boolean masked = treatment == KeyTreatment.MASK;
    if (key.getType() == AttributeType.STRING) {
      return masked ? MASK : cap(text((String) value), maxLength);
    }
    if (key.getType() == AttributeType.STRING_ARRAY) {
      List<String> texts = (List<String>) value;
      List<String> result =
          texts.stream().map(v -> masked ? MASK : cap(text(v), maxLength)).toList();
      return result.equals(texts) && !masked ? value : result;
    }
    return value;
  }

  private static boolean canHoldText(JsonValue value) {
    return value instanceof JsonString || value instanceof JsonObject || value instanceof JsonArray;
  }

  private KeyTreatment treatment(String key) {
    KeyTreatment treatment = treatmentByKey.get(key);
    if (treatment == null) {
      treatment =
          isDropped(key)
              ? KeyTreatment.DROP
              : isMasked(key) ? KeyTreatment.MASK : KeyTreatment.KEEP;
      if (treatmentByKey.size() < MAX_REMEMBERED_KEYS) {
        treatmentByKey.put(key, treatment);
      }
    }
    return treatment;
  }

  private boolean isDropped(String key) {
    if (!settings.enabled()) {
      return false;
    }
    for (String drop : settings.dropKeys()) {
      if (drop.endsWith("*")
          ? key.startsWith(drop.substring(0, drop.length() - 1))
          : key.equals(drop)) {
        return true;
      }
    }
    return false;
  }

  private boolean isMasked(String key) {
    if (!settings.enabled()) {
      return false;
    }
    String lower = key.toLowerCase(Locale.ROOT);
    return settings.maskKeys().stream().anyMatch(lower::contains);
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
