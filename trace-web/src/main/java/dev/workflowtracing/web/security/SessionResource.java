package dev.workflowtracing.web.security;

import dev.workflowtracing.accounts.LoginSessions;
import dev.workflowtracing.accounts.OpenedSession;
import dev.workflowtracing.audit.AuditAction;
import dev.workflowtracing.web.audit.AuditLog;
import dev.workflowtracing.web.problem.BadRequestProblem;
import dev.workflowtracing.web.problem.PayloadTooLargeProblem;
import dev.workflowtracing.web.problem.Problem;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.wildfly.security.auth.server.RealmUnavailableException;

/**
 * Signing in and out of the Canvas: {@code POST /api/session} checks a user's password against the
 * server's realm (throttled per account and address like Basic credentials) and opens a session in
 * the database, {@code DELETE /api/session} ends it. Open to anyone: it is how one logs in.
 */
@Path("/session")
@RequestScoped
public class SessionResource {

  /** A login body is a user name and a password: nothing near this size. */
  static final int MAX_BODY_BYTES = 4096;

  static final int MAX_USER = 256;

  /** What a login answers: who, in which roles, and the token for {@code X-CSRF-Token}. */
  public record SignedIn(String user, List<String> roles, String csrfToken) {}

  @EJB LoginSessions sessions;
  @Inject AuditLog audit;
  @Context HttpServletRequest request;
  @Context HttpServletResponse response;
  @Context ServletContext servletContext;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response signIn(JsonObject body) {
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      throw new PayloadTooLargeProblem(MAX_BODY_BYTES);
    }
    if (body == null) {
      throw new BadRequestProblem("Send {\"username\": \"…\", \"password\": \"…\"}");
    }
    String user = text(body, "username", MAX_USER);
    String password = text(body, "password", PasswordCheck.MAX_PASSWORD);
    String address = request.getRemoteAddr();
    LoginThrottle throttle = (LoginThrottle) servletContext.getAttribute(LoginThrottle.ATTRIBUTE);
    Duration wait = throttle == null ? Duration.ZERO : throttle.waitFor(user, address);
    if (!wait.isZero()) {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      return Response.fromResponse(
              Problem.response(
                  429,
                  "Too Many Requests",
                  "Too many failed logins for this account from this address; try again in "
                      + seconds
                      + " s",
                  List.of()))
          .header("Retry-After", seconds)
          .build();
    }
    Optional<List<String>> roles;
    try {
      roles = PasswordCheck.rolesOf(user, password);
    } catch (RealmUnavailableException e) {
      return Response.fromResponse(
              Problem.response(
                  503,
                  "Service Unavailable",
                  "The security realm cannot be read right now; try again shortly",
                  List.of()))
          .header("Retry-After", 5)
          .build();
    }
    if (roles.isEmpty()) {
      if (throttle != null) {
        throttle.failed(user, address);
      }
      audit.recordAs(user, AuditAction.LOGIN_FAILED, user, "login page");
      return Response.fromResponse(
              Problem.response(
                  401, "Unauthorized", "The user name or password is wrong", List.of()))
          .header("WWW-Authenticate", RequestAuthentication.BEARER_CHALLENGE)
          .build();
    }
    if (throttle != null) {
      throttle.succeeded(user, address);
    }
    if (roles.get().isEmpty()) {
      return Problem.response(
          403,
          "Forbidden",
          "This account holds none of the roles viewer, runner, admin: ask an admin for one",
          List.of());
    }
    OpenedSession session = sessions.open(user, roles.get(), "password", address);
    SessionCookies.set(request, response, session.secret(), session.identity().csrfToken());
    audit.recordAs(user, AuditAction.LOGGED_IN, user, "password");
    return Response.ok(new SignedIn(user, roles.get(), session.identity().csrfToken())).build();
  }

  @DELETE
  public Response signOut() {
    String secret = Credentials.cookie(request, SessionCookies.SESSION);
    if (secret != null && !secret.isEmpty() && secret.length() <= 128) {
      sessions.close(secret);
      if (request.getUserPrincipal() != null) {
        audit.record(AuditAction.LOGGED_OUT, request.getUserPrincipal().getName(), null);
      }
    }
    SessionCookies.clear(request, response);
    return Response.noContent().build();
  }

  private static String text(JsonObject body, String field, int max) {
    JsonValue value = body.get(field);
    if (!(value instanceof JsonString string) || string.getString().isEmpty()) {
      throw new BadRequestProblem("\"" + field + "\" must be a non-empty string");
    }
    if (string.getString().length() > max) {
      throw new BadRequestProblem("\"" + field + "\" is longer than " + max + " characters");
    }
    return string.getString();
  }
}
