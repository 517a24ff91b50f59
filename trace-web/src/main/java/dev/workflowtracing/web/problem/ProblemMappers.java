package dev.workflowtracing.web.problem;

import dev.workflowtracing.tracestore.read.TraceReadsBusyException;
import dev.workflowtracing.workflow.InvalidWorkflowException;
import dev.workflowtracing.workflow.WorkflowNotFoundException;
import dev.workflowtracing.workflow.engine.control.ServerOverloadedException;
import dev.workflowtracing.workflow.engine.queue.RunQueueFullException;
import dev.workflowtracing.workflow.engine.queue.RunQueueUnavailableException;
import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns every exception into {@code application/problem+json}; nothing leaks a stack trace. */
public final class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

  private ProblemMappers() {}

  /** 400 for an invalid workflow definition, listing every problem. */
  @Provider
  public static class InvalidWorkflow implements ExceptionMapper<InvalidWorkflowException> {
    @Override
    public Response toResponse(InvalidWorkflowException e) {
      return Problem.response(400, "Invalid workflow definition", e.getMessage(), e.problems());
    }
  }

  /** 404 for an unknown workflow. */
  @Provider
  public static class UnknownWorkflow implements ExceptionMapper<WorkflowNotFoundException> {
    @Override
    public Response toResponse(WorkflowNotFoundException e) {
      return Problem.response(Response.Status.NOT_FOUND, e.getMessage());
    }
  }

  /** 400 for a bad parameter or body. */
  @Provider
  public static class BadRequest implements ExceptionMapper<BadRequestProblem> {
    @Override
    public Response toResponse(BadRequestProblem e) {
      return Problem.response(Response.Status.BAD_REQUEST, e.getMessage());
    }
  }

  /** 409 for a request the server's configuration does not allow now. */
  @Provider
  public static class Conflict implements ExceptionMapper<ConflictProblem> {
    @Override
    public Response toResponse(ConflictProblem e) {
      return Problem.response(Response.Status.CONFLICT, e.getMessage());
    }
  }

  /** 404 for an unknown trace, span or run. */
  @Provider
  public static class NotFound implements ExceptionMapper<NotFoundProblem> {
    @Override
    public Response toResponse(NotFoundProblem e) {
      return Problem.response(Response.Status.NOT_FOUND, e.getMessage());
    }
  }

  /** 503: nothing was done; {@code Retry-After} says when to try again. */
  static Response unavailable(String detail, int retryAfterSeconds) {
    return Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE, detail))
        .header("Retry-After", retryAfterSeconds)
        .build();
  }

  /** 503 with Retry-After while the run queue is full: nothing was accepted, try again. */
  @Provider
  public static class QueueFull implements ExceptionMapper<RunQueueFullException> {
    @Override
    public Response toResponse(RunQueueFullException e) {
      return unavailable(e.getMessage(), 5);
    }
  }

  /** 503 with Retry-After while the message broker is unavailable: nothing was accepted. */
  @Provider
  public static class QueueUnavailable implements ExceptionMapper<RunQueueUnavailableException> {
    @Override
    public Response toResponse(RunQueueUnavailableException e) {
      return unavailable(e.getMessage(), 5);
    }
  }

  /** 503 with Retry-After while the server is short of heap: nothing was accepted, try again. */
  @Provider
  public static class Overloaded implements ExceptionMapper<ServerOverloadedException> {
    @Override
    public Response toResponse(ServerOverloadedException e) {
      return unavailable(e.getMessage(), 5);
    }
  }

  /** 503 with Retry-After while the server encodes as many traces as it may at once. */
  @Provider
  public static class ReadsBusy implements ExceptionMapper<TraceReadsBusyException> {
    @Override
    public Response toResponse(TraceReadsBusyException e) {
      return unavailable(e.getMessage(), 1);
    }
  }

  /** 413 for a body over the size limit. */
  @Provider
  public static class PayloadTooLarge implements ExceptionMapper<PayloadTooLargeProblem> {
    @Override
    public Response toResponse(PayloadTooLargeProblem e) {
      return Problem.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage());
    }
  }

  /** 415 for a body in a media type or charset the API does not read. */
  @Provider
  public static class UnsupportedMediaType implements ExceptionMapper<UnsupportedMediaTypeProblem> {
    @Override
    public Response toResponse(UnsupportedMediaTypeProblem e) {
      return Problem.response(Response.Status.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
    }
  }

  /** 400 for a body that is not valid JSON. */
  @Provider
  public static class MalformedJson implements ExceptionMapper<JsonException> {
    @Override
    public Response toResponse(JsonException e) {
      if (e.getCause() instanceof PayloadTooLargeProblem tooLarge) {
        return new PayloadTooLarge().toResponse(tooLarge);
      }
      return Problem.response(
          Response.Status.BAD_REQUEST, "The request body is not valid JSON: " + e.getMessage());
    }
  }

  /** 400 for a body JSON-B cannot bind. */
  @Provider
  public static class UnbindableJson implements ExceptionMapper<JsonbException> {
    @Override
    public Response toResponse(JsonbException e) {
      return Problem.response(
          Response.Status.BAD_REQUEST, "The request body does not fit: " + e.getMessage());
    }
  }

  /** JAX-RS's own errors (404 unknown path, 405, 406, 415...) keep their status. */
  @Provider
  public static class WebApplication implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      Response.StatusType status = e.getResponse().getStatusInfo();
      Throwable cause = e.getCause();
      if (cause instanceof PayloadTooLargeProblem tooLarge) {
        return new PayloadTooLarge().toResponse(tooLarge);
      }
      String detail =
          cause instanceof JsonException || cause instanceof JsonbException
              ? "The request body is not valid JSON: " + cause.getMessage()
              : status.getStatusCode() == 403
                  ? "Your role may not do this (docs/security.md lists what each role may do)"
                  : e.getMessage();
      return Problem.response(status.getStatusCode(), status.getReasonPhrase(), detail, List.of());
    }
  }

  /** Anything else is our fault: 500 with a reference to the log entry, not the exception. */
  @Provider
  public static class Unexpected implements ExceptionMapper<Exception> {
    @Override
    public Response toResponse(Exception e) {
      Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
      String reference = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, "Unexpected error, reference " + reference, cause);
      return Problem.response(
          500,
          "Internal Server Error",
          "An unexpected error occurred; the server log has the details under reference "
              + reference,
          List.of());
    }
  }
}
