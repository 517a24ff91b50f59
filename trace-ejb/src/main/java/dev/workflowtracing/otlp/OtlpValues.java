package dev.workflowtracing.otlp;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * OTLP attribute values as OpenTelemetry attributes, for both encodings: strings, booleans,
 * integers, doubles and arrays of one of them keep their type; anything else (an array of mixed
 * values, a key-value list, bytes) is kept as its JSON text, as the specification suggests for
 * systems without such types.
 */
final class OtlpValues {

  /** The deepest nesting of arrays and key-value lists read; deeper values are summarised. */
  static final int MAX_DEPTH = 8;

  static final String TOO_DEEP = "(nested deeper than " + MAX_DEPTH + " levels)";

  private OtlpValues() {}

  /** A decoded value: a primitive, an array of one primitive type, or JSON. */
  sealed interface Value permits Primitive, TypedArray, Complex {}

  /** A String, Boolean, Long or Double. */
  record Primitive(Object value) implements Value {}

  record TypedArray(Class<?> type, List<Object> elements) implements Value {}

  record Complex(JsonValue json) implements Value {}

  /** An array typed when all its elements are primitives of one type, else its JSON. */
  static Value array(List<Value> elements, Supplier<JsonValue> json) {
    Class<?> type = null;
    List<Object> values = new ArrayList<>(elements.size());
    for (Value element : elements) {
      if (!(element instanceof Primitive p) || (type != null && p.value().getClass() != type)) {
        return new Complex(json.get());
      }
      type = p.value().getClass();
      values.add(p.value());
    }
    return type == null ? new Complex(json.get()) : new TypedArray(type, values);
  }

  @SuppressWarnings("unchecked")
  static void put(AttributesBuilder builder, String key, Value value) {
    if (key == null || key.isEmpty()) {
      return;
    }
    if (value instanceof Complex c) {
      builder.put(AttributeKey.stringKey(key), c.json().toString());
    } else if (value instanceof TypedArray a) {
      List<?> elements = a.elements();
      if (a.type() == String.class) {
        builder.put(AttributeKey.stringArrayKey(key), (List<String>) elements);
      } else if (a.type() == Boolean.class) {
        builder.put(AttributeKey.booleanArrayKey(key), (List<Boolean>) elements);
      } else if (a.type() == Long.class) {
        builder.put(AttributeKey.longArrayKey(key), (List<Long>) elements);
      } else {
        builder.put(AttributeKey.doubleArrayKey(key), (List<Double>) elements);
      }
    } else {
      Object v = ((Primitive) value).value();
      if (v instanceof Boolean b) {
        builder.put(AttributeKey.booleanKey(key), b);
      } else if (v instanceof Long l) {
        builder.put(AttributeKey.longKey(key), l);
      } else if (v instanceof Double d) {
        builder.put(AttributeKey.doubleKey(key), d);
      } else {
        builder.put(AttributeKey.stringKey(key), String.valueOf(v));
      }
    }
  }
}
