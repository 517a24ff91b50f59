package dev.workflowtracing.web.admin;

import dev.workflowtracing.retention.RetentionJob;
import dev.workflowtracing.tracing.EffectiveSettings;
import dev.workflowtracing.tracing.TracingBootstrap;
import dev.workflowtracing.web.problem.BadRequestProblem;
import dev.workflowtracing.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.config.ConfigProvider;

/** For admins: the tracing configuration in force (secrets masked), pipeline health, purge. */
@Path("/admin")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

  @EJB TracingBootstrap tracing;
  @EJB RetentionJob retention;

  @GET
  @Path("/tracing")
  public AdminView tracing() {
    return new AdminView(
        EffectiveSettings.of(ConfigProvider.getConfig()), PipelineView.of(tracing));
  }

  /** Purges now every run started before {@code olderThan} (what retention would do later). */
  @POST
  @Path("/retention")
  public PurgeView purge(@QueryParam("olderThan") String olderThan) {
    if (olderThan == null || olderThan.isBlank()) {
      throw new BadRequestProblem("\"olderThan\" is required: an ISO-8601 instant");
    }
    try {
      return new PurgeView(retention.purgeOlderThan(Instant.parse(olderThan)));
    } catch (DateTimeParseException e) {
      throw new BadRequestProblem(
          "\"olderThan\" must be an ISO-8601 instant such as 2026-11-01T00:00:00Z (got \""
              + olderThan
              + "\")");
    }
  }

  /** What a purge deleted. */
  public record PurgeView(int deletedRuns) {}
}
