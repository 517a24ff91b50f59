package dev.workflowtracing.web.input;

import dev.workflowtracing.json.BoundedJson;
import dev.workflowtracing.web.problem.BadRequestProblem;
import dev.workflowtracing.web.problem.UnsupportedMediaTypeProblem;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads JSON request bodies (every body of the API is a JSON object) within {@link BoundedJson}'s
 * bounds, decoding strictly (bytes that are not valid in the body's character set are refused, not
 * replaced). Takes the place of the framework's own JSON-P reader, whose failures on hostile input
 * were server errors.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
public class JsonBodyReader implements MessageBodyReader<JsonObject> {

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == JsonObject.class;
  }

  @Override
  public JsonObject readFrom(
      Class<JsonObject> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream body) {
    var decoder =
        charset(mediaType)
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    JsonValue value;
    try {
      value = BoundedJson.read(new InputStreamReader(body, decoder));
    } catch (BoundedJson.InvalidJsonException e) {
      throw new BadRequestProblem("The request body is " + e.getMessage());
    }
    if (value != null && !(value instanceof JsonObject)) {
      throw new BadRequestProblem("The request body must be a JSON object");
    }
    return (JsonObject) value;
  }

  private static Charset charset(MediaType mediaType) {
    String name =
        mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
    if (name == null) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name);
    } catch (RuntimeException e) {
      throw new UnsupportedMediaTypeProblem(
          "The charset \"" + Params.excerpt(name) + "\" is not known; send UTF-8");
    }
  }
}
