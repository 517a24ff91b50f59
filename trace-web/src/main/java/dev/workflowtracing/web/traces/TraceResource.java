package dev.workflowtracing.web.traces;

import dev.workflowtracing.audit.AuditAction;
import dev.workflowtracing.audit.AuditSettings;
import dev.workflowtracing.ingest.ImportRefused;
import dev.workflowtracing.ingest.ImportResult;
import dev.workflowtracing.ingest.TraceImport;
import dev.workflowtracing.otlp.InvalidOtlpException;
import dev.workflowtracing.tracestore.RenderedTrace;
import dev.workflowtracing.tracestore.TracePurge;
import dev.workflowtracing.tracestore.read.ForeignTraceView;
import dev.workflowtracing.tracestore.read.RunList;
import dev.workflowtracing.tracestore.read.SpanDetailLimit;
import dev.workflowtracing.tracestore.read.SpanDetailView;
import dev.workflowtracing.tracestore.read.TraceOtlpExport;
import dev.workflowtracing.tracestore.read.TraceReader;
import dev.workflowtracing.web.WebSettings;
import dev.workflowtracing.web.audit.AuditLog;
import dev.workflowtracing.web.input.Ids;
import dev.workflowtracing.web.input.Params;
import dev.workflowtracing.web.output.Gzipped;
import dev.workflowtracing.web.problem.BadRequestProblem;
import dev.workflowtracing.web.problem.ConflictProblem;
import dev.workflowtracing.web.problem.NotFoundProblem;
import dev.workflowtracing.web.problem.Problem;
import dev.workflowtracing.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Stored traces: lists of runs, one whole trace, one span with its artifacts; delete. */
@Path("/traces")
@RequestScoped
@RolesAllowed({Roles.VIEWER, Roles.RUNNER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class TraceResource {

  @EJB TraceReader reader;
  @EJB TracePurge purge;
  @Inject TraceOtlpExport export;
  @Inject TraceImport imports;
  @Inject AuditLog audit;
  @Inject AuditSettings auditSettings;
  @Inject WebSettings settings;

  /** Runs (one trace each), newest first, filtered, a page at a time. */
  @Gzipped
  @GET
  public RunListView list(@BeanParam RunListParameters parameters) {
    RunList page =
        reader.runs(
            parameters.filter(), parameters.order(), parameters.after(), parameters.limit());
    return new RunListView(page.runs(), page.next().map(Cursors::encode).orElse(null));
  }

  /**
   * A whole trace, as one JSON document or, for a client that asks for {@code
   * application/x-ndjson}, as JSON lines. A finished one never changes: it carries a strong ETag
   * and is revalidated ({@code no-cache}), so a second view is a 304; it is rendered once and kept.
   * A trace still growing is never stored by caches. Large bodies go gzipped to clients that accept
   * it.
   */
  @GET
  @Path("/{traceId}")
  @Produces({MediaType.APPLICATION_JSON, "application/x-ndjson"})
  public Response trace(
      @PathParam("traceId") String traceId,
      @QueryParam("details") String details,
      @Context HttpHeaders headers,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
    Ids.traceId(traceId);
    SpanDetailLimit limit = detailLimit(details);
    TraceEncodings encoding = TraceEncodings.forAccept(headers.getAcceptableMediaTypes());
    RenderedTrace trace =
        reader
            .rendered(traceId, encoding, limit)
            .orElseThrow(() -> new NotFoundProblem("No trace with id " + traceId));
    return TraceResponse.of(trace, encoding.type(), ifNoneMatch, acceptEncoding).toResponse();
  }

  /**
   * {@code details=omit} asks for the spans without attributes and events (the tree and timings
   * only); without it they come whole up to {@code tracing.api.max-trace-detail-chars}.
   */
  private SpanDetailLimit detailLimit(String details) {
    SpanDetailLimit limit = SpanDetailLimit.upTo(settings.maxTraceDetailChars());
    if (details == null || details.equals("all")) {
      return limit;
    }
    if (details.equals("omit")) {
      return limit.omittingAlways();
    }
    throw new BadRequestProblem(
        "details must be all or omit (got \"" + Params.excerpt(details) + "\")");
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
    audit.record(AuditAction.TRACE_DELETED, traceId, null);
    return Response.noContent().build();
  }

  @GET
  @Path("/{traceId}/spans/{spanId}")
  public SpanDetailView span(
      @PathParam("traceId") String traceId, @PathParam("spanId") String spanId) {
    Ids.traceId(traceId);
    Ids.spanId(spanId);
    SpanDetailView span =
        reader
            .span(traceId, spanId)
            .orElseThrow(() -> new NotFoundProblem("No span " + spanId + " in trace " + traceId));
    if (auditSettings.artifactReads() && !span.artifacts().isEmpty()) {
      audit.record(AuditAction.ARTIFACTS_OPENED, traceId + "/" + spanId, null);
    }
    return span;
  }

  /** The longest range the list of foreign traces covers. */
  static final long MAX_FOREIGN_RANGE_MILLIS = 366L * 24 * 3600 * 1000;

  /**
   * Traces made only of spans other services sent (no run of ours), newest first, of one service or
   * any; the last 7 days unless {@code from}/{@code to} say otherwise.
   */
  @GET
  @Path("/foreign")
  public java.util.Map<String, java.util.List<ForeignTraceView>> foreign(
      @QueryParam("service") String service,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") String limit) {
    long now = System.currentTimeMillis();
    long toMillis = Params.instant("to", to).orElse(now + 60_000);
    long fromMillis = Params.instant("from", from).orElse(toMillis - 7L * 24 * 3600 * 1000);
    if (fromMillis >= toMillis) {
      throw new BadRequestProblem("\"from\" must be before \"to\"");
    }
    if (toMillis - fromMillis > MAX_FOREIGN_RANGE_MILLIS) {
      throw new BadRequestProblem("\"from\" to \"to\" may span at most 366 days");
    }
    return java.util.Map.of(
        "items",
        reader.foreignTraces(
            Params.text("service", service, 255).orElse(null),
            fromMillis,
            toMillis,
            Params.whole("limit", limit, 1, 200).orElse(50L).intValue()));
  }

  /** The trace as one OTLP JSON file, every span with its resource, events and artifacts. */
  @GET
  @Path("/{traceId}/otlp")
  @Produces(MediaType.APPLICATION_JSON)
  public Response otlp(@PathParam("traceId") String traceId) {
    Ids.traceId(traceId);
    return export
        .json(traceId)
        .map(
            json ->
                Response.ok(json, MediaType.APPLICATION_JSON_TYPE)
                    .header(
                        "Content-Disposition",
                        "attachment; filename=\"trace-" + traceId + ".otlp.json\"")
                    .build())
        .orElseThrow(() -> new NotFoundProblem("No trace with id " + traceId));
  }

  /**
   * Loads an OTLP JSON file (admins only): our own export, or another tool's OTLP JSON (a request,
   * or JSON Lines of them). A trace stored already is refused whole (409).
   */
  @POST
  @Path("/import")
  @RolesAllowed(Roles.ADMIN)
  @Consumes({MediaType.APPLICATION_JSON, "application/x-ndjson", MediaType.TEXT_PLAIN})
  public Response importFile(String body) {
    if (body == null || body.isBlank()) {
      throw new BadRequestProblem("Send an OTLP JSON file as the body (GET /api/traces/{id}/otlp)");
    }
    try {
      ImportResult imported = imports.load(body);
      audit.record(
          AuditAction.TRACES_IMPORTED,
          imported.traces().isEmpty() ? null : imported.traces().get(0).traceId(),
          imported.traces().size() + " trace(s)");
      return Response.status(Response.Status.CREATED).entity(imported).build();
    } catch (InvalidOtlpException e) {
      throw new BadRequestProblem("The file is not OTLP JSON: " + e.getMessage());
    } catch (ImportRefused e) {
      switch (e.reason()) {
        case ALREADY_STORED -> throw new ConflictProblem(e.getMessage());
        case UNAVAILABLE -> {
          return Response.fromResponse(
                  Problem.response(Response.Status.SERVICE_UNAVAILABLE, e.getMessage()))
              .header("Retry-After", 5)
              .build();
        }
        default -> throw new BadRequestProblem(e.getMessage());
      }
    }
  }
}
