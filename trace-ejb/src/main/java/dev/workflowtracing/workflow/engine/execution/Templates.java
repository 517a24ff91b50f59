package dev.workflowtracing.workflow.engine.execution;

import dev.workflowtracing.json.JsonFactory;
import dev.workflowtracing.workflow.Placeholders;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills {@code ${path}} placeholders from the {@link RunState}; unknown paths become "". */
public final class Templates {

  private static final Pattern PLACEHOLDER = Placeholders.PLACEHOLDER;

  private Templates() {}

  public static String resolve(String template, RunState state) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = state.lookup(matcher.group(1)).map(Templates::text).orElse("");
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /**
   * Resolves a JSON value; a string that is exactly one placeholder keeps the value's JSON type.
   */
  public static JsonValue resolve(JsonValue value, RunState state) {
    if (value instanceof JsonString s) {
      Matcher whole = PLACEHOLDER.matcher(s.getString());
      if (whole.matches()) {
        return state.lookup(whole.group(1)).orElse(JsonFactory.createValue(""));
      }
      return JsonFactory.createValue(resolve(s.getString(), state));
    }
    if (value instanceof JsonObject object) {
      var builder = JsonFactory.createObjectBuilder();
      object.forEach((k, v) -> builder.add(k, resolve(v, state)));
      return builder.build();
    }
    if (value instanceof JsonArray array) {
      var builder = JsonFactory.createArrayBuilder();
      array.forEach(v -> builder.add(resolve(v, state)));
      return builder.build();
    }
    return value;
  }

  public static String text(JsonValue value) {
    return value instanceof JsonString s ? s.getString() : value.toString();
  }
}
