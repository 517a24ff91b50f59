package dev.workflowtracing.web.runs;

import dev.workflowtracing.audit.AuditAction;
import dev.workflowtracing.tracestore.read.RunView;
import dev.workflowtracing.tracestore.read.TraceReader;
import dev.workflowtracing.web.audit.AuditLog;
import dev.workflowtracing.web.input.Ids;
import dev.workflowtracing.web.input.Params;
import dev.workflowtracing.web.problem.BadRequestProblem;
import dev.workflowtracing.web.problem.ConflictProblem;
import dev.workflowtracing.web.problem.NotFoundProblem;
import dev.workflowtracing.web.security.Roles;
import dev.workflowtracing.workflow.engine.WorkflowService;
import dev.workflowtracing.workflow.live.LiveStreamCounters;
import dev.workflowtracing.workflow.live.RunsInFlight;
import dev.workflowtracing.workflow.live.relay.RemoteRunWatches;
import dev.workflowtracing.workflow.run.CancelOutcome;
import dev.workflowtracing.workflow.run.RunStatus;
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

  // Event streams write on executor threads of their own: a send can block on a slow client, and
  // the default executor runs the workflows' nodes.
  @Resource(lookup = EventStreamExecutor.NAME)
  ExecutorService executor;

  @EJB WorkflowService workflows;
  @Inject RunsInFlight inFlight;
  @Inject AuditLog audit;
  @Inject LiveStreamCounters streamCounters;
  @EJB StoredRunFollowers storedRuns;
  @Inject RemoteRunWatches remote;

  @GET
  @Path("/{runId}")
  public RunView run(@PathParam("runId") String runId) {
    Ids.runId(runId);
    RunView run =
        reader.run(runId).orElseThrow(() -> new NotFoundProblem("No run with id " + runId));
    if (run.live() == null && RunStatus.RUNNING.name().equals(run.status())) {
      // Executed by another server: ask it for the run's events, for the next read's live state.
      remote.want(runId);
    }
    return run;
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
    audit.record(
        AuditAction.RUN_CANCELLED, runId, outcome.name().toLowerCase(java.util.Locale.ROOT));
    boolean ended =
        switch (outcome) {
          case CANCELLED -> true;
          case REQUESTED -> awaitStoredEnd(runId, CANCEL_WAIT);
          default -> inFlight.awaitEnd(runId, CANCEL_WAIT);
        };
    RunView run =
        reader.run(runId).orElseThrow(() -> new NotFoundProblem("No run with id " + runId));
    return Response.status(ended ? Response.Status.OK : Response.Status.ACCEPTED)
        .entity(run)
        .build();
  }

  /** Waits for the stored status of a run another server executes to be final. */
  private boolean awaitStoredEnd(String runId, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (reader.run(runId).map(r -> RunStatus.valueOf(r.status()).isFinal()).orElse(true)) {
        return true;
      }
      try {
        Thread.sleep(STORED_END_POLL_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  private static final long STORED_END_POLL_MS = 100;

  /** How long a client waits before it asks again about a run this server does not execute. */
  static final long RECONNECT_MS = 2_000;

  /**
   * The run's events as Server-Sent Events, as they happen, ending with the run's end: after {@code
   * Last-Event-ID} when it is a few events back, otherwise a {@code RunSnapshot} of the run first.
   * A run this server does not have in flight (another server executes it) follows its stored
   * status ({@link StoredRunFollowers}): {@code RunStatus} as it changes, then {@code RunEnded}.
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
      if (!inFlight.hasEventsOf(runId)) {
        // Only queued here: another server may take it, and its events would never come here.
        storedRuns.guard(runId, after, watching.get(), sink, sse);
      }
      return;
    }
    Optional<RunView> stored = reader.run(runId);
    if (stored.isEmpty() && inFlight.live(runId).isEmpty()) {
      throw new NotFoundProblem("No run with id " + runId);
    }
    storedRuns.answer(runId, stored, after, sink, sse);
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
