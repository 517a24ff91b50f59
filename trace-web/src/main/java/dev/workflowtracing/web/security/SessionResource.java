package dev.workflowtracing.web.security;

import dev.workflowtracing.accounts.LoginSessions;
import dev.workflowtracing.accounts.OpenedSession;
import dev.workflowtracing.accounts.oidc.OidcIdentity;
import dev.workflowtracing.accounts.oidc.OidcLogins;
import dev.workflowtracing.accounts.oidc.OidcProvider;
import dev.workflowtracing.accounts.oidc.OidcRefused;
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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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

  /** How one may sign in: with a password always, and through the provider when one is set. */
  public record SignInOptions(SingleSignOn oidc) {}

  /** The identity provider's button: its name and where it starts. */
  public record SingleSignOn(String name, String start) {}

  static final String OIDC_START = "api/session/oidc";
  static final String OIDC_CALLBACK = "/api/session/oidc/callback";

  @EJB LoginSessions sessions;
  @EJB OidcLogins oidcLogins;
  @Inject OidcProvider oidc;
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
      long seconds = LoginThrottle.retryAfterSeconds(wait);
      return Response.fromResponse(
              Problem.response(
                  429, "Too Many Requests", LoginThrottle.lockedOut(seconds), List.of()))
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

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public SignInOptions options() {
    return new SignInOptions(
        oidc.enabled() ? new SingleSignOn(oidc.settings().displayName(), "/" + OIDC_START) : null);
  }

  /** Sends the browser to the identity provider's login page. */
  @GET
  @Path("/oidc")
  public Response startSingleSignOn() {
    requireOidc();
    try {
      return Response.seeOther(oidcLogins.begin(redirectUri())).build();
    } catch (OidcRefused e) {
      return refused(e);
    }
  }

  /** Where the provider sends the browser back: opens a session and goes to the Canvas. */
  @GET
  @Path("/oidc/callback")
  public Response finishSingleSignOn(
      @QueryParam("code") String code,
      @QueryParam("state") String state,
      @QueryParam("error") String error,
      @QueryParam("error_description") String description) {
    requireOidc();
    if (error != null) {
      return Problem.response(
          401,
          "Unauthorized",
          "The identity provider did not sign you in ("
              + cut(error)
              + (description == null ? "" : ": " + cut(description))
              + ")",
          List.of());
    }
    if (code == null || state == null || code.length() > 4096 || state.length() > 128) {
      throw new BadRequestProblem(
          "The callback needs the code and state the identity provider sends: start the sign-in"
              + " from the login page");
    }
    OidcIdentity identity;
    try {
      identity = oidcLogins.finish(state, code);
    } catch (OidcRefused e) {
      audit.recordAs("(single sign-on)", AuditAction.LOGIN_FAILED, null, cut(e.getMessage()));
      return refused(e);
    }
    if (identity.roles().isEmpty()) {
      audit.recordAs(identity.username(), AuditAction.LOGIN_FAILED, identity.username(), "oidc");
      return Problem.response(
          403,
          "Forbidden",
          "The identity provider signed you in, but none of your roles maps to viewer, runner or"
              + " admin (tracing.oidc.role-map): ask an admin for one",
          List.of());
    }
    OpenedSession session =
        sessions.open(identity.username(), identity.roles(), "oidc", request.getRemoteAddr());
    SessionCookies.set(request, response, session.secret(), session.identity().csrfToken());
    audit.recordAs(identity.username(), AuditAction.LOGGED_IN, identity.username(), "oidc");
    return Response.seeOther(URI.create(canvasUrl())).build();
  }

  private void requireOidc() {
    if (!oidc.enabled()) {
      throw new dev.workflowtracing.web.problem.NotFoundProblem(
          "Single sign-on is not configured (tracing.oidc.issuer)");
    }
  }

  /** The callback address: configured, or this request's own scheme, host and port. */
  private String redirectUri() {
    return oidc.settings().redirectUri().orElseGet(() -> origin() + OIDC_CALLBACK);
  }

  /**
   * The Canvas, absolute (JAX-RS would resolve a relative one against /api/): beside the configured
   * callback, or at this request's origin.
   */
  private String canvasUrl() {
    return oidc.settings()
            .redirectUri()
            .map(uri -> uri.substring(0, Math.max(0, uri.indexOf(OIDC_CALLBACK))))
            .filter(base -> !base.isEmpty())
            .orElseGet(this::origin)
        + "/";
  }

  private String origin() {
    String url = request.getRequestURL().toString();
    return url.substring(0, url.indexOf("/api/session"));
  }

  private static Response refused(OidcRefused e) {
    Response problem =
        Problem.response(
            e.unavailable() ? 503 : 401,
            e.unavailable() ? "Service Unavailable" : "Unauthorized",
            e.getMessage(),
            List.of());
    return e.unavailable()
        ? Response.fromResponse(problem).header("Retry-After", 5).build()
        : problem;
  }

  private static String cut(String text) {
    String clean = text.replaceAll("\\p{Cntrl}", "?");
    return clean.length() <= 200 ? clean : clean.substring(0, 200) + "…";
  }

  /** After signing out of a single sign-on session: where the provider ends its own. */
  public record SignedOut(String logoutUrl) {}

  @DELETE
  @Produces(MediaType.APPLICATION_JSON)
  public Response signOut() {
    String secret = Credentials.cookie(request, SessionCookies.SESSION);
    Optional<String> method = Optional.empty();
    if (secret != null && !secret.isEmpty() && secret.length() <= 128) {
      method = sessions.close(secret);
      if (method.isPresent() && request.getUserPrincipal() != null) {
        audit.record(AuditAction.LOGGED_OUT, request.getUserPrincipal().getName(), method.get());
      }
    }
    SessionCookies.clear(request, response);
    if (method.filter("oidc"::equals).isPresent() && oidc.enabled()) {
      try {
        Optional<URI> logout = oidc.logout(canvasUrl());
        if (logout.isPresent()) {
          return Response.ok(new SignedOut(logout.get().toString())).build();
        }
      } catch (OidcRefused e) {
        // Signed out here; the provider's session outlives it (docs/security.md).
      }
    }
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
