package dev.workflowtracing.web.admin;

import dev.workflowtracing.audit.AuditAction;
import dev.workflowtracing.audit.AuditCursor;
import dev.workflowtracing.audit.AuditFilter;
import dev.workflowtracing.audit.AuditPage;
import dev.workflowtracing.audit.AuditTrail;
import dev.workflowtracing.web.input.Params;
import dev.workflowtracing.web.problem.BadRequestProblem;
import dev.workflowtracing.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The audit trail, newest first, filtered by actor, action and time, a page at a time (admins). */
@Path("/admin/audit")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  @EJB AuditTrail trail;

  @GET
  public AuditPage list(
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") String limit) {
    AuditAction wanted =
        Params.text("action", action, 64)
            .map(
                a ->
                    AuditAction.of(a)
                        .orElseThrow(
                            () ->
                                new BadRequestProblem(
                                    "\"action\" must be one of "
                                        + Arrays.stream(AuditAction.values())
                                            .map(AuditAction::id)
                                            .collect(Collectors.joining(", "))
                                        + " (got \""
                                        + Params.excerpt(a)
                                        + "\")")))
            .orElse(null);
    Long fromMillis = Params.instant("from", from).orElse(null);
    Long toMillis = Params.instant("to", to).orElse(null);
    if (fromMillis != null && toMillis != null && fromMillis >= toMillis) {
      throw new BadRequestProblem("\"from\" must be before \"to\"");
    }
    AuditCursor after;
    try {
      after = Params.text("cursor", cursor, 200).map(AuditCursor::decode).orElse(null);
    } catch (IllegalArgumentException e) {
      throw new BadRequestProblem(e.getMessage());
    }
    return trail.page(
        new AuditFilter(
            Params.text("actor", actor, 255).orElse(null), wanted, fromMillis, toMillis),
        after,
        Params.whole("limit", limit, 1, AuditTrail.MAX_PAGE).orElse(50L).intValue());
  }
}
