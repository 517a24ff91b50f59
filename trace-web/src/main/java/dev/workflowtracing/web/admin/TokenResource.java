package dev.workflowtracing.web.admin;

import dev.workflowtracing.accounts.AccountSettings;
import dev.workflowtracing.accounts.ApiTokens;
import dev.workflowtracing.accounts.CreatedToken;
import dev.workflowtracing.accounts.NewToken;
import dev.workflowtracing.accounts.TokenView;
import dev.workflowtracing.accounts.TooManyTokens;
import dev.workflowtracing.audit.AuditAction;
import dev.workflowtracing.web.audit.AuditLog;
import dev.workflowtracing.web.input.Ids;
import dev.workflowtracing.web.problem.BadRequestProblem;
import dev.workflowtracing.web.problem.ConflictProblem;
import dev.workflowtracing.web.problem.NotFoundProblem;
import dev.workflowtracing.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * API tokens (admins): created with a name, a role and an expiry, answered with the secret once;
 * listed without it; revoked. A token is sent as {@code Authorization: Bearer wt_…}.
 */
@Path("/admin/tokens")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

  /** The tokens, newest first. */
  public record TokenList(List<TokenView> items) {}

  @EJB ApiTokens tokens;
  @Inject AccountSettings settings;
  @Inject AuditLog audit;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(JsonObject body) {
    if (body == null) {
      throw new BadRequestProblem(
          "Send {\"name\": \"…\", \"role\": \"viewer|runner|admin|ingest\", \"expiresAt\":"
              + " \"2027-01-31T00:00:00Z\"}");
    }
    NewToken.Checked checked =
        NewToken.check(
            text(body, "name"),
            text(body, "role"),
            text(body, "expiresAt"),
            Instant.now(),
            settings);
    if (checked.token() == null) {
      throw new BadRequestProblem(String.join("; ", checked.errors()));
    }
    CreatedToken created;
    try {
      created = tokens.create(checked.token(), actor());
    } catch (TooManyTokens e) {
      throw new ConflictProblem(e.getMessage());
    }
    audit.record(
        AuditAction.TOKEN_CREATED,
        created.token().name(),
        "role " + created.token().role() + ", expires " + created.token().expiresAt());
    return Response.created(URI.create("admin/tokens/" + created.token().id()))
        .entity(created)
        .build();
  }

  @GET
  public TokenList list() {
    return new TokenList(tokens.list());
  }

  @DELETE
  @Path("/{id}")
  public TokenView revoke(@PathParam("id") String id) {
    TokenView revoked =
        tokens
            .revoke(Ids.tokenId(id), actor())
            .orElseThrow(() -> new NotFoundProblem("No API token has the id " + id));
    audit.record(AuditAction.TOKEN_REVOKED, revoked.name(), "id " + revoked.id());
    return revoked;
  }

  private String actor() {
    return audit.actor();
  }

  /** A string field, or null when absent; any other JSON type is refused. */
  private static String text(JsonObject body, String field) {
    JsonValue value = body.get(field);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (!(value instanceof JsonString string)) {
      throw new BadRequestProblem("\"" + field + "\" must be a string");
    }
    return string.getString();
  }
}
