package dev.workflowtracing.otlp;

import dev.workflowtracing.json.BoundedJson;
import dev.workflowtracing.json.JsonFactory;
import dev.workflowtracing.spans.SpanEvent;
import dev.workflowtracing.spans.SpanLink;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * OTLP JSON ({@code ExportTraceServiceRequest} as the OTLP/HTTP specification encodes it: ids in
 * hex, 64-bit integers as strings or numbers, enums as numbers) as spans. Takes a whole request
 * ({@code {"resourceSpans": [...]}}) or one {@code ResourceSpans} object, which is what the Java
 * agent's {@code logging-otlp} exporter writes, one per line. Unknown fields are ignored, as the
 * specification requires.
 */
public final class OtlpJson {

  private OtlpJson() {}

  /** The spans of one parsed JSON value (the caller bounds its size and depth). */
  public static OtlpBatch decode(JsonValue body, OwnSpans own) {
    OtlpBatch.Builder batch = new OtlpBatch.Builder();
    add(batch, body, own);
    return batch.build();
  }

  /** The spans of several values, such as the lines of a JSON Lines file, in one batch. */
  public static OtlpBatch decodeAll(List<JsonValue> bodies, OwnSpans own) {
    OtlpBatch.Builder batch = new OtlpBatch.Builder();
    for (JsonValue body : bodies) {
      add(batch, body, own);
    }
    return batch.build();
  }

  /**
   * An OTLP JSON file: one request, or JSON Lines of requests or {@code ResourceSpans} objects; a
   * line of a log that holds such an object after a prefix (the Java agent's {@code logging-otlp}
   * exporter logs them so) is read from its first brace, and other log lines are skipped.
   */
  public static OtlpBatch decodeFile(String text, OwnSpans own) {
    try {
      return decode(BoundedJson.read(new StringReader(text)), own);
    } catch (BoundedJson.InvalidJsonException whole) {
      List<JsonValue> values = new ArrayList<>();
      String[] lines = text.split("\r?\n");
      for (int i = 0; i < lines.length; i++) {
        int brace = lines[i].indexOf('{');
        if (brace < 0) {
          continue;
        }
        try {
          values.add(BoundedJson.read(new StringReader(lines[i].substring(brace))));
        } catch (BoundedJson.InvalidJsonException e) {
          // A log line that merely holds a brace is skipped; a line of JSON must be whole.
          if (lines[i].isBlank() || brace == lines[i].length() - lines[i].stripLeading().length()) {
            throw new InvalidOtlpException(
                "neither one JSON document nor JSON Lines: line "
                    + (i + 1)
                    + " is "
                    + e.getMessage());
          }
        }
      }
      if (values.isEmpty()) {
        throw new InvalidOtlpException("not OTLP JSON: " + whole.getMessage());
      }
      return decodeAll(values, own);
    }
  }

  private static void add(OtlpBatch.Builder batch, JsonValue body, OwnSpans own) {
    if (!(body instanceof JsonObject request)) {
      throw new InvalidOtlpException("the OTLP JSON body must be an object with \"resourceSpans\"");
    }
    if (request.containsKey("resourceSpans")) {
      for (JsonObject resourceSpans : objects(request, "resourceSpans", "the request")) {
        addResource(batch, resourceSpans, own);
      }
    } else if (request.containsKey("scopeSpans")) {
      addResource(batch, request, own);
    } else if (!request.isEmpty()) {
      throw new InvalidOtlpException(
          "not an OTLP trace request: no \"resourceSpans\" (or \"scopeSpans\" of one resource)");
    }
  }

  private static void addResource(OtlpBatch.Builder batch, JsonObject resourceSpans, OwnSpans own) {
    JsonObject resource = object(resourceSpans, "resource");
    Attributes resourceAttributes = attributes(resource, "the resource");
    for (JsonObject scopeSpans : objects(resourceSpans, "scopeSpans", "resourceSpans")) {
      JsonObject scope = object(scopeSpans, "scope");
      ScopeSources sources =
          new ScopeSources(resourceAttributes, text(scope, "name"), text(scope, "version"));
      for (JsonObject span : objects(scopeSpans, "spans", "scopeSpans")) {
        try {
          Attributes attributes = attributes(span, "a span");
          JsonObject status = object(span, "status");
          batch.add(
              SpanFromOtlp.span(
                  text(span, "traceId"),
                  text(span, "spanId"),
                  text(span, "parentSpanId"),
                  text(span, "name"),
                  enumNumber(span, "kind", "SPAN_KIND_"),
                  enumNumber(status, "code", "STATUS_CODE_"),
                  text(status, "message"),
                  integer(span, "startTimeUnixNano"),
                  integer(span, "endTimeUnixNano"),
                  attributes,
                  events(span),
                  links(span),
                  sources.of(own.isOwn(attributes))));
        } catch (SpanFromOtlp.Rejected e) {
          batch.reject(e.getMessage());
        }
      }
    }
  }

  private static List<SpanEvent> events(JsonObject span) {
    List<SpanEvent> events = new ArrayList<>();
    for (JsonObject event : objects(span, "events", "a span")) {
      events.add(
          new SpanEvent(
              text(event, "name"), integer(event, "timeUnixNano"), attributes(event, "an event")));
    }
    return events;
  }

  private static List<SpanLink> links(JsonObject span) throws SpanFromOtlp.Rejected {
    List<SpanLink> links = new ArrayList<>();
    for (JsonObject link : objects(span, "links", "a span")) {
      links.add(
          new SpanLink(
              SpanFromOtlp.traceId(text(link, "traceId"), "a link's traceId"),
              SpanFromOtlp.spanId(text(link, "spanId"), "a link's spanId"),
              attributes(link, "a link")));
    }
    return links;
  }

  private static Attributes attributes(JsonObject owner, String where) {
    List<JsonObject> keyValues = objects(owner, "attributes", where);
    if (keyValues.isEmpty()) {
      return Attributes.empty();
    }
    AttributesBuilder builder = Attributes.builder();
    for (JsonObject keyValue : keyValues) {
      OtlpValues.put(builder, text(keyValue, "key"), value(object(keyValue, "value"), 1));
    }
    return builder.build();
  }

  private static OtlpValues.Value value(JsonObject value, int depth) {
    if (value.containsKey("stringValue")) {
      return new OtlpValues.Primitive(text(value, "stringValue"));
    }
    if (value.containsKey("boolValue")) {
      return new OtlpValues.Primitive(value.get("boolValue") == JsonValue.TRUE);
    }
    if (value.containsKey("intValue")) {
      return new OtlpValues.Primitive(integer(value, "intValue"));
    }
    if (value.containsKey("doubleValue")) {
      return new OtlpValues.Primitive(decimal(value.get("doubleValue")));
    }
    if (depth > OtlpValues.MAX_DEPTH) {
      return new OtlpValues.Primitive(OtlpValues.TOO_DEEP);
    }
    if (value.containsKey("arrayValue")) {
      JsonObject array = object(value, "arrayValue");
      List<OtlpValues.Value> elements = new ArrayList<>();
      for (JsonObject element : objects(array, "values", "an arrayValue")) {
        elements.add(value(element, depth + 1));
      }
      return OtlpValues.array(elements, () -> plain(value, depth));
    }
    if (value.containsKey("kvlistValue") || value.containsKey("bytesValue")) {
      return new OtlpValues.Complex(plain(value, depth));
    }
    return new OtlpValues.Primitive("");
  }

  /** A value as plain JSON (without OTLP's wrappers), for those kept as JSON text. */
  private static JsonValue plain(JsonObject value, int depth) {
    if (depth > OtlpValues.MAX_DEPTH) {
      return JsonFactory.createValue(OtlpValues.TOO_DEEP);
    }
    if (value.containsKey("arrayValue")) {
      var array = JsonFactory.createArrayBuilder();
      for (JsonObject element : objects(object(value, "arrayValue"), "values", "an arrayValue")) {
        array.add(plain(element, depth + 1));
      }
      return array.build();
    }
    if (value.containsKey("kvlistValue")) {
      var object = JsonFactory.createObjectBuilder();
      for (JsonObject kv : objects(object(value, "kvlistValue"), "values", "a kvlistValue")) {
        object.add(String.valueOf(text(kv, "key")), plain(object(kv, "value"), depth + 1));
      }
      return object.build();
    }
    for (String key :
        List.of("stringValue", "boolValue", "intValue", "doubleValue", "bytesValue")) {
      if (value.containsKey(key)) {
        return value.get(key);
      }
    }
    return JsonValue.NULL;
  }

  private static JsonObject object(JsonObject owner, String key) {
    JsonValue value = owner.get(key);
    if (value == null || value == JsonValue.NULL) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    if (!(value instanceof JsonObject object)) {
      throw new InvalidOtlpException("\"" + key + "\" must be an object");
    }
    return object;
  }

  private static List<JsonObject> objects(JsonObject owner, String key, String where) {
    JsonValue value = owner.get(key);
    if (value == null || value == JsonValue.NULL) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw new InvalidOtlpException("\"" + key + "\" of " + where + " must be an array");
    }
    List<JsonObject> objects = new ArrayList<>(array.size());
    for (JsonValue element : array) {
      if (!(element instanceof JsonObject object)) {
        throw new InvalidOtlpException(
            "every element of \"" + key + "\" of " + where + " must be an object");
      }
      objects.add(object);
    }
    return objects;
  }

  private static String text(JsonObject owner, String key) {
    JsonValue value = owner.get(key);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (!(value instanceof JsonString string)) {
      throw new InvalidOtlpException("\"" + key + "\" must be a string");
    }
    return string.getString();
  }

  /** A 64-bit integer: a JSON number, or a decimal string as the specification allows. */
  private static long integer(JsonObject owner, String key) {
    JsonValue value = owner.get(key);
    try {
      if (value == null || value == JsonValue.NULL) {
        return 0;
      }
      if (value instanceof JsonNumber number) {
        return number.bigDecimalValue().longValueExact();
      }
      if (value instanceof JsonString string) {
        return new BigDecimal(string.getString()).longValueExact();
      }
    } catch (ArithmeticException | NumberFormatException e) {
      // answered below
    }
    throw new InvalidOtlpException("\"" + key + "\" must be a 64-bit integer (number or string)");
  }

  private static double decimal(JsonValue value) {
    if (value instanceof JsonNumber number) {
      return number.doubleValue();
    }
    if (value instanceof JsonString string) {
      // The specification's JSON mapping writes these as strings.
      switch (string.getString()) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          try {
            return Double.parseDouble(string.getString());
          } catch (NumberFormatException e) {
            break;
          }
      }
    }
    throw new InvalidOtlpException("\"doubleValue\" must be a number");
  }

  /** An enum field: its number, or its name as protobuf's JSON mapping also writes it. */
  private static long enumNumber(JsonObject owner, String key, String prefix) {
    JsonValue value = owner.get(key);
    if (value instanceof JsonString string) {
      String name = string.getString();
      String bare = name.startsWith(prefix) ? name.substring(prefix.length()) : name;
      return prefix.startsWith("SPAN")
          ? SpanFromOtlp.kindNumber(bare)
          : SpanFromOtlp.statusNumber(bare);
    }
    return integer(owner, key);
  }
}
