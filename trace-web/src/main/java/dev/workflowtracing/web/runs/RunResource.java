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
import dev.workflowtracing.workflow.engine.RunStatus;
import dev.workflowtracing.workflow.engine.WorkflowService;
import dev.workflowtracing.workflow.live.LiveStreamCounters;
import dev.workflowtracing.workflow.live.RunsInFlight;
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
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;
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

  // Event streams write on executor threads of their own: a send can block on a slow client, and
  // the default executor runs the workflows' nodes.
  @Resource(lookup = EventStreamExecutor.NAME)
  ExecutorService executor;

  @EJB WorkflowService workflows;
  @Inject RunsInFlight inFlight;
  @Inject LiveStreamCounters streamCounters;

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

  /** How long a client waits before it asks again about a run this server does not execute. */
  static final long RECONNECT_MS = 2_000;

  /**
   * The run's events as Server-Sent Events, as they happen, ending with the run's end: after {@code
   * Last-Event-ID} when it is a few events back, otherwise a {@code RunSnapshot} of the run first.
   * A run this server does not have in flight gets its stored end ({@code RunEnded}) when it has
   * ended, otherwise its stored status ({@code RunStatus}) and a hint to ask again.
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
    Optional<Runnable> watching =
        inFlight.watch(
            runId, after, new SseRelay(runId, inFlight, sink, sse, executor, streamCounters));
    if (watching.isPresent()) {
      return;
    }
    RunView run =
        reader.run(runId).orElseThrow(() -> new NotFoundProblem("No run with id " + runId));
    sink.send(storedState(sse, run)).whenComplete((ok, failure) -> sink.close());
  }

  private static OutboundSseEvent storedState(Sse sse, RunView run) {
    if (!RunStatus.valueOf(run.status()).isFinal()) {
      return sse.newEventBuilder()
          .name(RunEventJson.STATUS)
          .mediaType(MediaType.APPLICATION_JSON_TYPE)
          .reconnectDelay(RECONNECT_MS)
          .data(RunEventJson.status(run.runId(), run.status()))
          .build();
    }
    long started = Instant.parse(run.startedAt()).toEpochMilli();
    long ended = started + (run.durationMs() == null ? 0 : run.durationMs());
    return RunEventJson.event(
        sse, null, "RunEnded", RunEventJson.ended(run.runId(), run.status(), ended, run.error()));
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
