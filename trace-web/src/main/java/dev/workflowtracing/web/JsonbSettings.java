package dev.workflowtracing.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** Writes null fields as {@code null} rather than leaving them out, as the API reference shows. */
@Provider
public class JsonbSettings implements ContextResolver<Jsonb> {

  private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

  /** The API's JSON-B, for a response rendered ahead of time (it must match what JAX-RS writes). */
  public static Jsonb jsonb() {
    return JSONB;
  }

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }
}
