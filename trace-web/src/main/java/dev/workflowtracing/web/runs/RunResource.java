package dev.workflowtracing.web.runs;

import dev.workflowtracing.tracestore.read.RunView;
import dev.workflowtracing.tracestore.read.TraceReader;
import dev.workflowtracing.web.input.Ids;
import dev.workflowtracing.web.input.Params;
import dev.workflowtracing.web.problem.BadRequestProblem;
import dev.workflowtracing.web.problem.NotFoundProblem;
import dev.workflowtracing.web.security.Roles;
import dev.workflowtracing.workflow.engine.RunEvent;
import dev.workflowtracing.workflow.engine.RunsInFlight;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Optional;

/** A run by its id, with the id of its trace and, while it runs, its live state and events. */
@Path("/runs")
@RequestScoped
@RolesAllowed({Roles.VIEWER, Roles.RUNNER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

  @EJB TraceReader reader;
  @Inject RunsInFlight inFlight;

  @GET
  @Path("/{runId}")
  public RunView run(@PathParam("runId") String runId) {
    Ids.runId(runId);
    return reader.run(runId).orElseThrow(() -> new NotFoundProblem("No run with id " + runId));
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
    Optional<Runnable> watching = inFlight.watch(runId, after, event -> send(sink, sse, event));
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

  /** Sends one event; false once the watcher should stop (the client left, or the run ended). */
  private static boolean send(SseEventSink sink, Sse sse, RunsInFlight.Numbered numbered) {
    if (sink.isClosed()) {
      return false;
    }
    boolean last = numbered.event() instanceof RunEvent.RunEnded;
    sink.send(
            sse.newEventBuilder()
                .id(Long.toString(numbered.id()))
                .name(RunEventJson.name(numbered.event()))
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(RunEventJson.data(numbered.event()))
                .build())
        .whenComplete(
            (ok, failure) -> {
              if (last) {
                sink.close();
              }
            });
    return !last;
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
