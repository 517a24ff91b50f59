package dev.workflowtracing.web.workflows;

import dev.workflowtracing.audit.AuditAction;
import dev.workflowtracing.instrumentation.TracingSettings;
import dev.workflowtracing.json.JsonText;
import dev.workflowtracing.tracestore.read.RunView;
import dev.workflowtracing.web.WebSettings;
import dev.workflowtracing.web.audit.AuditLog;
import dev.workflowtracing.web.input.Params;
import dev.workflowtracing.web.output.Gzipped;
import dev.workflowtracing.web.problem.BadRequestProblem;
import dev.workflowtracing.web.problem.NotFoundProblem;
import dev.workflowtracing.web.problem.PayloadTooLargeProblem;
import dev.workflowtracing.web.security.Roles;
import dev.workflowtracing.workflow.WorkflowCatalog;
import dev.workflowtracing.workflow.WorkflowNotFoundException;
import dev.workflowtracing.workflow.WorkflowSummary;
import dev.workflowtracing.workflow.WorkflowVersion;
import dev.workflowtracing.workflow.engine.WorkflowService;
import dev.workflowtracing.workflow.engine.queue.QueuedRun;
import dev.workflowtracing.workflow.engine.queue.RunQueue;
import dev.workflowtracing.workflow.run.RunResult;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;

/** Workflows: list, read, save a new version, and run. */
@Path("/workflows")
@RequestScoped
@RolesAllowed({Roles.VIEWER, Roles.RUNNER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class WorkflowResource {

  private static final int MAX_TRIGGER_LENGTH = 32;
  private static final int MAX_VERSIONS_LISTED = 1_000;
  private static final String RESPOND_ASYNC = "respond-async";

  @EJB WorkflowCatalog catalog;
  @EJB WorkflowService workflows;
  @EJB RunQueue queue;

  @jakarta.ws.rs.core.Context UriInfo uriInfo;

  @Inject WebSettings settings;
  @Inject TracingSettings tracing;
  @Inject AuditLog audit;

  @GET
  public List<WorkflowSummary> list() {
    return catalog.summaries();
  }

  /** The latest definition, or with {@code version} that version's. */
  @Gzipped
  @GET
  @Path("/{id}")
  public Response get(@PathParam("id") String id, @QueryParam("version") String version) {
    Optional<Integer> number = Params.version(version);
    String definition =
        (number.isPresent()
                ? catalog.definitionText(id, number.get())
                : catalog.latestDefinition(id))
            .orElseThrow(
                () ->
                    number.isPresent()
                        ? new NotFoundProblem(
                            "Workflow \"" + id + "\" has no version " + number.get())
                        : new WorkflowNotFoundException(id));
    return Response.ok(JsonText.parse(definition)).build();
  }

  /** The workflow's versions, newest first (at most {@value #MAX_VERSIONS_LISTED}). */
  @GET
  @Path("/{id}/versions")
  public List<WorkflowVersion> versions(@PathParam("id") String id) {
    List<WorkflowVersion> versions = catalog.versions(id, MAX_VERSIONS_LISTED);
    if (versions.isEmpty()) {
      throw new WorkflowNotFoundException(id);
    }
    return versions;
  }

  /** Saves the body as the next version of workflow {@code id}. */
  @RolesAllowed(Roles.ADMIN)
  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response save(@PathParam("id") String id, JsonObject definition) {
    if (definition == null) {
      throw new BadRequestProblem("The request body must be a workflow definition");
    }
    if (definition.containsKey("id")
        && !(definition.get("id") instanceof JsonString s && s.getString().equals(id))) {
      throw new BadRequestProblem("The definition's \"id\" must be \"" + id + "\" as in the path");
    }
    WorkflowSummary saved = catalog.saveNewVersion(definition);
    audit.record(AuditAction.WORKFLOW_SAVED, id, "version " + saved.version());
    return Response.created(uriInfo.getAbsolutePath()).entity(saved).build();
  }

  /**
   * Runs the latest version and answers when the run has ended (201, also for a run that failed:
   * the run exists, and its trace says why). With {@code Prefer: respond-async} it answers 202 at
   * once with the run QUEUED and its {@code Location}; the run executes from the run queue. A W3C
   * {@code traceparent} header makes the run part of the caller's trace. Body (optional): {@code
   * {"inputs": {...}, "trigger": "canvas"}}.
   */
  @RolesAllowed({Roles.RUNNER, Roles.ADMIN})
  @POST
  @Path("/{id}/runs")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response run(
      @PathParam("id") String id,
      JsonObject body,
      @jakarta.ws.rs.core.Context HttpHeaders headers) {
    JsonObject request = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
    JsonObject inputs = inputs(request);
    int inputChars = inputs.toString().length();
    int maxInputChars = settings.maxInputChars();
    if (inputChars > maxInputChars) {
      throw new PayloadTooLargeProblem(
          "The run's inputs are "
              + inputChars
              + " characters of JSON; at most "
              + maxInputChars
              + " are accepted (tracing.api.max-input-chars): pass large data by reference");
    }
    String trigger = trigger(request);
    if (prefersAsync(headers)) {
      QueuedRun queued = queue.submit(id, inputs, trigger, parentContext(headers));
      return Response.accepted(RunView.of(queued, trigger))
          .location(uriInfo.getBaseUriBuilder().path("runs").path(queued.runId()).build())
          .header("Preference-Applied", RESPOND_ASYNC)
          .build();
    }
    RunResult result = workflows.run(id, inputs, trigger, parentContext(headers));
    return Response.created(uriInfo.getBaseUriBuilder().path("runs").path(result.runId()).build())
        .entity(RunView.of(result, trigger, tracing.instanceId()))
        .build();
  }

  /** RFC 7240: {@code Prefer: respond-async} asks for 202 at once instead of waiting. */
  private static boolean prefersAsync(HttpHeaders headers) {
    List<String> prefer = headers.getRequestHeader("Prefer");
    return prefer != null
        && prefer.stream()
            .flatMap(value -> java.util.Arrays.stream(value.split(",")))
            .map(String::trim)
            .anyMatch(RESPOND_ASYNC::equalsIgnoreCase);
  }

  private static JsonObject inputs(JsonObject request) {
    JsonValue inputs = request.get("inputs");
    if (inputs == null || inputs == JsonValue.NULL) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    if (!(inputs instanceof JsonObject object)) {
      throw new BadRequestProblem("\"inputs\" must be a JSON object");
    }
    return object;
  }

  private static String trigger(JsonObject request) {
    JsonValue trigger = request.get("trigger");
    if (trigger == null) {
      return "api";
    }
    if (!(trigger instanceof JsonString s)
        || s.getString().isBlank()
        || s.getString().length() > MAX_TRIGGER_LENGTH
        || s.getString().chars().anyMatch(Character::isISOControl)) {
      throw new BadRequestProblem(
          "\"trigger\" must be a text of 1 to "
              + MAX_TRIGGER_LENGTH
              + " characters without control characters");
    }
    return s.getString();
  }

  private static Context parentContext(HttpHeaders headers) {
    return W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, HEADERS);
  }

  private static final TextMapGetter<HttpHeaders> HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpHeaders carrier) {
          return carrier.getRequestHeaders().keySet();
        }

        @Override
        public String get(HttpHeaders carrier, String key) {
          return carrier == null ? null : carrier.getHeaderString(key);
        }
      };
}
