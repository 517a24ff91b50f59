package dev.workflowtracing.web.runs;

import dev.workflowtracing.tracestore.read.RunView;
import dev.workflowtracing.tracestore.read.TraceReader;
import dev.workflowtracing.web.input.Ids;
import dev.workflowtracing.web.input.Params;
import dev.workflowtracing.web.problem.BadRequestProblem;
import dev.workflowtracing.web.problem.ConflictProblem;
import dev.workflowtracing.web.problem.NotFoundProblem;
import dev.workflowtracing.web.security.Roles;
import dev.workflowtracing.workflow.engine.CancelOutcome;
import dev.workflowtracing.workflow.engine.RunsInFlight;
import dev.workflowtracing.workflow.engine.WorkflowService;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/** A run by its id, with the id of its trace and, while it runs, its live state and events. */
@Path("/runs")
@RequestScoped
@RolesAllowed({Roles.VIEWER, Roles.RUNNER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

  /** How long a cancel waits for the run to stop before it answers 202. */
  static final Duration CANCEL_WAIT = Duration.ofSeconds(10);

  @EJB TraceReader reader;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ExecutorService executor;

  @EJB WorkflowService workflows;
  @Inject RunsInFlight inFlight;

  @GET
  @Path("/{runId}")
  public RunView run(@PathParam("runId") String runId) {
    Ids.runId(runId);
    return reader.run(runId).orElseThrow(() -> new NotFoundProblem("No run with id " + runId));
  }

  /**
   * Cancels a queued or running run and answers it as it stands: ended (200), or still stopping
   * after {@link #CANCEL_WAIT} (202; its end follows on the event stream).
   */
  @POST
  @Path("/{runId}/cancel")
  @RolesAllowed({Roles.RUNNER, Roles.ADMIN})
  public Response cancel(@PathParam("runId") String runId, @Context SecurityContext caller) {
    Ids.runId(runId);
    CancelOutcome outcome = workflows.cancel(runId, caller.getUserPrincipal().getName());
    if (outcome == CancelOutcome.UNKNOWN) {
      throw new NotFoundProblem("No run with id " + runId);
    }
    if (outcome == CancelOutcome.FINISHED) {
      String status = reader.run(runId).map(RunView::status).orElse("ended");
      throw new ConflictProblem(
          "Run " + runId + " has ended already (" + status + "): there is nothing to cancel");
    }
    boolean ended = outcome == CancelOutcome.CANCELLED || inFlight.awaitEnd(runId, CANCEL_WAIT);
    RunView run =
        reader.run(runId).orElseThrow(() -> new NotFoundProblem("No run with id " + runId));
    return Response.status(ended ? Response.Status.OK : Response.Status.ACCEPTED)
        .entity(run)
        .build();
  }

  /**
   * The run's events as Server-Sent Events, from the start or after {@code Last-Event-ID}, as they
   * happen, ending with the run's end. A run this server does not execute (or no longer remembers)
   * gets one event: its stored end, or its status if it has not ended.
   */
  @GET
  @Path("/{runId}/events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void events(
      @PathParam("runId") String runId,
      @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId,
      @Context SseEventSink sink,
      @Context Sse sse) {
    Ids.runId(runId);
    long after = lastEventId(lastEventId);
    Optional<Runnable> watching = inFlight.watch(runId, after, new SseRelay(sink, sse, executor));
    if (watching.isPresent()) {
      return;
    }
    RunView run =
        reader.run(runId).orElseThrow(() -> new NotFoundProblem("No run with id " + runId));
    sink.send(
            sse.newEventBuilder()
                .name("RunStatus")
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data("{\"runId\":\"" + run.runId() + "\",\"status\":\"" + run.status() + "\"}")
                .build())
        .whenComplete((ok, failure) -> sink.close());
  }

  private static long lastEventId(String header) {
    if (header == null || header.isBlank()) {
      return 0;
    }
    try {
      long id = Long.parseLong(header.trim());
      if (id >= 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadRequestProblem(
        "Last-Event-ID must be the id of an event of this stream, a whole number (got \""
            + Params.excerpt(header)
            + "\")");
  }
}
