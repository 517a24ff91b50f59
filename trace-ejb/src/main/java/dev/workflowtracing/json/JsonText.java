package dev.workflowtracing.json;

import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;

/** Parses JSON text stored in the database so a response embeds it as JSON, not as a string. */
public final class JsonText {

  private static final JsonWriterFactory PRETTY =
      JsonProvider.provider().createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

  private JsonText() {}

  /**
   * The JSON text with one member or element per line (for line diffs), or the text as it is when
   * it is not JSON (a stored value may have been cut short).
   */
  public static String prettyPrinted(String text) {
    try {
      StringWriter out = new StringWriter();
      try (var writer = PRETTY.createWriter(out)) {
        writer.write(parse(text));
      }
      return out.toString().strip();
    } catch (JsonException e) {
      return text;
    }
  }

  public static JsonValue parse(String text) {
    if (text == null || text.isBlank()) {
      return JsonValue.NULL;
    }
    try (var reader = JsonFactory.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }
}
