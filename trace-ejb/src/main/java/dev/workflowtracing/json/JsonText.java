package dev.workflowtracing.json;

import jakarta.json.JsonValue;
import java.io.StringReader;

/** Parses JSON text stored in the database so a response embeds it as JSON, not as a string. */
public final class JsonText {

  private JsonText() {}

  public static JsonValue parse(String text) {
    if (text == null || text.isBlank()) {
      return JsonValue.NULL;
    }
    try (var reader = JsonFactory.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }
}
