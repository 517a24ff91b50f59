package dev.workflowtracing.web.traces;

import dev.workflowtracing.tracestore.RunPage;
import dev.workflowtracing.tracestore.RunRecord;
import dev.workflowtracing.tracestore.SpanRecord;
import dev.workflowtracing.tracestore.TraceCompleteness;
import dev.workflowtracing.tracestore.TracePurge;
import dev.workflowtracing.tracestore.TraceQueries;
import dev.workflowtracing.tracestore.TraceTree;
import dev.workflowtracing.web.input.Ids;
import dev.workflowtracing.web.problem.NotFoundProblem;
import dev.workflowtracing.web.runs.RunView;
import dev.workflowtracing.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Stored traces: lists of runs, one whole trace, one span with its artifacts; delete. */
@Path("/traces")
@RequestScoped
@RolesAllowed({Roles.VIEWER, Roles.RUNNER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class TraceResource {

  @EJB TraceQueries queries;
  @EJB TracePurge purge;

  /** Runs (one trace each), newest first, filtered, a page at a time. */
  @GET
  public RunListView list(@BeanParam RunListParameters parameters) {
    RunPage page = queries.runs(parameters.filter(), parameters.after(), parameters.limit());
    return new RunListView(
        page.runs().stream().map(RunView::of).toList(),
        page.next().map(Cursors::encode).orElse(null));
  }

  @GET
  @Path("/{traceId}")
  public TraceView trace(@PathParam("traceId") String traceId) {
    Ids.traceId(traceId);
    List<SpanRecord> spans = queries.spans(traceId);
    RunRecord runRecord = queries.runOfTrace(traceId).orElse(null);
    RunView run = runRecord == null ? null : RunView.of(runRecord);
    if (spans.isEmpty() && run == null) {
      throw new NotFoundProblem("No trace with id " + traceId);
    }
    long start = spans.stream().mapToLong(SpanRecord::getStartNanos).min().orElse(0);
    long end = spans.stream().mapToLong(SpanRecord::getEndNanos).max().orElse(0);
    List<SpanView> views =
        TraceTree.depthFirst(spans).stream().map(row -> SpanView.of(row, start)).toList();
    int errors = (int) spans.stream().filter(s -> "ERROR".equals(s.getStatusCode())).count();
    return new TraceView(
        traceId,
        run,
        spans.isEmpty() ? null : SpanView.isoTime(start),
        (end - start) / 1000,
        spans.size(),
        errors,
        TraceCompleteness.of(runRecord, spans),
        views);
  }

  /** Deletes a trace and its run (admins only). */
  @DELETE
  @Path("/{traceId}")
  @RolesAllowed(Roles.ADMIN)
  public Response delete(@PathParam("traceId") String traceId) {
    Ids.traceId(traceId);
    if (!purge.deleteTrace(traceId)) {
      throw new NotFoundProblem("No trace with id " + traceId);
    }
    return Response.noContent().build();
  }

  @GET
  @Path("/{traceId}/spans/{spanId}")
  public SpanDetailView span(
      @PathParam("traceId") String traceId, @PathParam("spanId") String spanId) {
    Ids.traceId(traceId);
    Ids.spanId(spanId);
    SpanRecord span =
        queries
            .span(traceId, spanId)
            .orElseThrow(() -> new NotFoundProblem("No span " + spanId + " in trace " + traceId));
    var row = new TraceTree.Row(span, 0, 0);
    long traceStart = queries.traceStartNanos(traceId);
    return new SpanDetailView(
        traceId,
        SpanView.of(row, traceStart),
        queries.artifacts(traceId, spanId).stream().map(ArtifactView::of).toList());
  }
}
