package dev.workflowtracing.web.admin;

import dev.workflowtracing.instrumentation.EffectiveSettings;
import dev.workflowtracing.instrumentation.RecordingSwitch;
import dev.workflowtracing.instrumentation.TracingPipeline;
import dev.workflowtracing.retention.RetentionJob;
import dev.workflowtracing.tracestore.RunJournal;
import dev.workflowtracing.web.input.Params;
import dev.workflowtracing.web.problem.BadRequestProblem;
import dev.workflowtracing.web.problem.ConflictProblem;
import dev.workflowtracing.web.security.Roles;
import dev.workflowtracing.workflow.engine.QueueDepth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.config.ConfigProvider;

/** For admins: the tracing configuration in force (secrets masked), pipeline health, purge. */
@Path("/admin")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

  @EJB TracingPipeline tracing;
  @Inject RecordingSwitch recordingSwitch;
  @Inject QueueDepth queueDepth;
  @EJB RetentionJob retention;
  @EJB RunJournal runJournal;

  @GET
  @Path("/tracing")
  public AdminView tracing() {
    return new AdminView(
        EffectiveSettings.of(ConfigProvider.getConfig()),
        PipelineView.of(tracing.health(), recordingSwitch.recording(), runJournal, queueDepth));
  }

  /**
   * Pauses ({@code {"recording": false}}) or resumes recording new traces until the next restart;
   * answers the admin view as it is then.
   */
  @PUT
  @Path("/tracing/recording")
  @Consumes(MediaType.APPLICATION_JSON)
  public AdminView record(JsonObject body) {
    JsonValue value = body == null ? null : body.get("recording");
    ValueType type = value == null ? ValueType.NULL : value.getValueType();
    if (type != ValueType.TRUE && type != ValueType.FALSE) {
      throw new BadRequestProblem(
          "The body must be {\"recording\": true} or {\"recording\": false}");
    }
    boolean recording = type == ValueType.TRUE;
    if (recording && !tracing.settings().enabled()) {
      throw new ConflictProblem(
          "Tracing is disabled by configuration (tracing.enabled=false): set it to true and"
              + " restart the server to record traces");
    }
    recordingSwitch.record(recording);
    return tracing();
  }

  /** Purges now every run started before {@code olderThan} (what retention would do later). */
  @POST
  @Path("/retention")
  public PurgeView purge(@QueryParam("olderThan") String olderThan) {
    long before =
        Params.instant("olderThan", olderThan)
            .orElseThrow(
                () -> new BadRequestProblem("\"olderThan\" is required: an ISO-8601 instant"));
    return new PurgeView(retention.purgeOlderThan(Instant.ofEpochMilli(before)));
  }

  /** What a purge deleted. */
  public record PurgeView(int deletedRuns) {}
}
