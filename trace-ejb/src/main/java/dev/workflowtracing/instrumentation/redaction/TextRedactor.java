package dev.workflowtracing.instrumentation.redaction;

import dev.workflowtracing.json.JsonFactory;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * Redacts text and JSON values. Text that is JSON is parsed and walked like a JSON value, so a mask
 * key hides its value at any depth, and the rules see each string unescaped; other text gets the
 * rules, then the key/value masking. Unchanged input comes back as the same instance.
 */
final class TextRedactor {

  // JSON in a string of JSON in a string...: each level is parsed again, up to this many.
  private static final int MAX_NESTING = 4;

  private static final JsonString MASKED = JsonFactory.createValue(Mask.TEXT);

  private final List<RedactionRule> rules;
  private final MaskKeys maskKeys;
  private final KeyValueMasker keyValues;
  private final KeyTreatments keys;

  TextRedactor(List<RedactionRule> rules, MaskKeys maskKeys, KeyTreatments keys) {
    this.rules = rules;
    this.maskKeys = maskKeys;
    this.keyValues = new KeyValueMasker(maskKeys);
    this.keys = keys;
  }

  String text(String text) {
    return text(text, 0);
  }

  JsonValue json(JsonValue value) {
    return json(value, 0);
  }

  private String text(String text, int nesting) {
    if (JsonText.looksLikeJson(text)) {
      // Most JSON attributes hold no mask key and nothing a rule looks for: no parse.
      if (!mayNeedRedaction(text)) {
        return text;
      }
      JsonStructure parsed = nesting < MAX_NESTING ? JsonText.parse(text) : null;
      if (parsed != null) {
        JsonValue redacted = json(parsed, nesting + 1);
        return redacted == parsed ? text : redacted.toString();
      }
    }
    return keyValues.mask(rules(text));
  }

  /**
   * A rule's prefilter, a mask key the walk could act on, or a unicode escape (which could hide
   * either from both).
   */
  private boolean mayNeedRedaction(String text) {
    if (text.contains("\\u") || JsonText.mayMask(text, maskKeys)) {
      return true;
    }
    for (RedactionRule rule : rules) {
      if (rule.mayMatch().test(text)) {
        return true;
      }
    }
    return false;
  }

  private String rules(String text) {
    String result = text;
    for (RedactionRule rule : rules) {
      result = rule.apply(result);
    }
    return result;
  }

  private JsonValue json(JsonValue value, int nesting) {
    if (value instanceof JsonString s) {
      String redacted = text(s.getString(), nesting);
      return redacted.equals(s.getString()) ? s : JsonFactory.createValue(redacted);
    }
    if (value instanceof JsonNumber n) {
      // A card number may come as a number.
      String redacted = rules(n.toString());
      return redacted.equals(n.toString()) ? n : JsonFactory.createValue(redacted);
    }
    if (value instanceof JsonObject object) {
      return object(object, nesting);
    }
    if (value instanceof JsonArray array) {
      var builder = JsonFactory.createArrayBuilder();
      boolean changed = false;
      for (JsonValue item : array) {
        JsonValue redacted = json(item, nesting);
        changed |= redacted != item;
        builder.add(redacted);
      }
      return changed ? builder.build() : array;
    }
    return value;
  }

  /**
   * A masked key's text, object or array becomes [REDACTED] whole; its number or boolean stays
   * ("tokens": 23 is a count, not a token). Keys pass the rules too: a key can be an e-mail.
   */
  private JsonValue object(JsonObject object, int nesting) {
    var builder = JsonFactory.createObjectBuilder();
    boolean changed = false;
    for (var entry : object.entrySet()) {
      String key = entry.getKey();
      JsonValue value = entry.getValue();
      JsonValue redacted =
          keys.hides(key) && canHoldText(value)
              ? (MASKED.equals(value) ? value : MASKED)
              : json(value, nesting);
      String redactedKey = rules(key);
      changed |= redacted != value || !redactedKey.equals(key);
      builder.add(redactedKey, redacted);
    }
    return changed ? builder.build() : object;
  }

  private static boolean canHoldText(JsonValue value) {
    return value instanceof JsonString || value instanceof JsonObject || value instanceof JsonArray;
  }
}
