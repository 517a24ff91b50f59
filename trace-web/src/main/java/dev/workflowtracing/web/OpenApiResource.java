package dev.workflowtracing.web;

import dev.workflowtracing.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Serves the OpenAPI document, docs/openapi.yaml, packed into the WAR by the build: one source for
 * the API reference and the running server.
 */
@Path("/openapi.yaml")
@RequestScoped
@RolesAllowed({Roles.VIEWER, Roles.RUNNER, Roles.ADMIN})
public class OpenApiResource {

  @GET
  @Produces("application/yaml")
  public String document() throws IOException {
    try (InputStream in = OpenApiResource.class.getResourceAsStream("/openapi.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
