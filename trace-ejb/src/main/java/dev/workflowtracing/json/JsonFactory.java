package dev.workflowtracing.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;

/**
 * The {@code jakarta.json.Json} calls the application makes, on one provider looked up once. {@code
 * Json.createObjectBuilder()} and friends look the provider up on every call (a ServiceLoader scan
 * of the deployment's jars in WildFly): under load that lookup was a quarter of the server's CPU
 * (profile in docs/performance.md). Parsson's provider is thread-safe.
 */
public final class JsonFactory {

  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private JsonFactory() {}

  public static JsonObjectBuilder createObjectBuilder() {
    return PROVIDER.createObjectBuilder();
  }

  public static JsonObjectBuilder createObjectBuilder(JsonObject copyOf) {
    return PROVIDER.createObjectBuilder(copyOf);
  }

  public static JsonArrayBuilder createArrayBuilder() {
    return PROVIDER.createArrayBuilder();
  }

  public static JsonGenerator createGenerator(Writer writer) {
    return PROVIDER.createGenerator(writer);
  }

  public static JsonReader createReader(Reader reader) {
    return PROVIDER.createReader(reader);
  }

  public static JsonString createValue(String value) {
    return PROVIDER.createValue(value);
  }

  public static JsonNumber createValue(BigDecimal value) {
    return PROVIDER.createValue(value);
  }

  public static JsonParser createParser(Reader reader) {
    return PROVIDER.createParser(reader);
  }
}
