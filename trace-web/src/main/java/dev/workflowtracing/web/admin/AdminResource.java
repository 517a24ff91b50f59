package dev.workflowtracing.web.admin;

import dev.workflowtracing.audit.AuditAction;
import dev.workflowtracing.cluster.ClusterRecordingPause;
import dev.workflowtracing.instrumentation.EffectiveSettings;
import dev.workflowtracing.instrumentation.RecordingSwitch;
import dev.workflowtracing.instrumentation.TracingPipeline;
import dev.workflowtracing.retention.RetentionJob;
import dev.workflowtracing.tracestore.RunJournal;
import dev.workflowtracing.web.audit.AuditLog;
import dev.workflowtracing.web.input.Params;
import dev.workflowtracing.web.problem.BadRequestProblem;
import dev.workflowtracing.web.problem.ConflictProblem;
import dev.workflowtracing.web.security.Roles;
import dev.workflowtracing.workflow.engine.queue.QueueDepth;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.Optional;
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
  @EJB ClusterRecordingPause recordingPause;
  @Inject AuditLog audit;
  @Context SecurityContext security;

  @GET
  @Path("/tracing")
  public AdminView tracing() {
    return new AdminView(
        EffectiveSettings.of(ConfigProvider.getConfig()),
        PipelineView.of(tracing.health(), recordingSwitch.recording(), runJournal, queueDepth));
  }

  /**
   * Pauses ({@code {"recording": false}}) or resumes recording new traces on every server of the
   * cluster (this one at once, the others within 2 s) until an admin resumes it; answers the admin
   * view as it is then.
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
    if (!tracing.settings().enabled()) {
      // Nothing to pause or resume here; and a pause stored by this server would hold for others.
      throw new ConflictProblem(
          "Tracing is disabled by configuration (tracing.enabled=false): there is nothing to pause"
              + " or resume; set it to true and restart the server to record traces");
    }
    recordingPause.record(recording, security.getUserPrincipal().getName());
    audit.record(
        recording ? AuditAction.RECORDING_RESUMED : AuditAction.RECORDING_PAUSED, null, null);
    return tracing();
  }

  /**
   * Purges now what retention would later: every run started before {@code olderThan} (whole
   * partitions first, where the database has them), then the oldest ended runs while more than
   * {@code maxSpans} spans are stored.
   */
  @POST
  @Path("/retention")
  public PurgeView purge(
      @QueryParam("olderThan") String olderThan, @QueryParam("maxSpans") String maxSpans) {
    Optional<Long> before = Params.instant("olderThan", olderThan);
    Optional<Long> cap = Params.whole("maxSpans", maxSpans, 0, Long.MAX_VALUE);
    if (before.isEmpty() && cap.isEmpty()) {
      throw new BadRequestProblem(
          "Give \"olderThan\" (an ISO-8601 instant), \"maxSpans\" (a whole number) or both");
    }
    int partitions =
        before.map(t -> retention.dropPartitionsEndingBefore(Instant.ofEpochMilli(t))).orElse(0);
    int runs = before.map(t -> retention.purgeOlderThan(Instant.ofEpochMilli(t))).orElse(0);
    long spans = cap.map(retention::enforceSpanCap).orElse(0L);
    audit.record(
        AuditAction.TRACES_PURGED,
        null,
        (olderThan == null ? "" : "olderThan=" + Params.excerpt(olderThan) + " ")
            + (maxSpans == null ? "" : "maxSpans=" + Params.excerpt(maxSpans) + " ")
            + "deleted "
            + runs
            + " runs, "
            + partitions
            + " partitions, "
            + spans
            + " spans over the cap");
    return new PurgeView(partitions, runs, spans);
  }

  /**
   * What a purge deleted.
   *
   * @param droppedPartitions partitions of runs and spans dropped whole (PostgreSQL)
   * @param deletedRuns runs older than the cutoff, deleted row by row
   * @param evictedSpans spans of the oldest runs deleted to get under the cap
   */
  public record PurgeView(int droppedPartitions, int deletedRuns, long evictedSpans) {}
}
