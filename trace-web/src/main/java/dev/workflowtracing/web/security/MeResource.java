package dev.workflowtracing.web.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.stream.Stream;

/** Who is logged in and in which roles, so the Canvas shows only what the user may do. */
@Path("/me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.RUNNER, Roles.ADMIN})
public class MeResource {

  /** The logged-in user. */
  public record Me(String user, List<String> roles) {}

  @Context SecurityContext security;

  @GET
  public Me me() {
    return new Me(
        security.getUserPrincipal().getName(),
        Stream.of(Roles.VIEWER, Roles.RUNNER, Roles.ADMIN).filter(security::isUserInRole).toList());
  }
}
