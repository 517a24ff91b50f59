package dev.workflowtracing.web.security;

import dev.workflowtracing.accounts.ApiTokens;
import dev.workflowtracing.accounts.LoginSessions;
import dev.workflowtracing.accounts.SessionIdentity;
import dev.workflowtracing.accounts.TokenIdentity;
import dev.workflowtracing.accounts.oidc.OidcIdentity;
import dev.workflowtracing.accounts.oidc.OidcProvider;
import dev.workflowtracing.accounts.oidc.OidcRefused;
import dev.workflowtracing.web.problem.Problem;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Authenticates every request, whatever it presents: an API token ({@code Authorization: Bearer
 * wt_…}), a user's password (HTTP Basic, checked by the server's realm) or the session cookie of
 * the Canvas's login page. A protected address without any answers 401 problem+json with a {@code
 * Bearer} challenge, never a {@code Basic} one: the browser's own login dialog never appears. An
 * unprotected address (the Canvas's files, the login itself, the OTLP receiver) is served to
 * anyone, and to whoever its credentials name when they are good.
 */
@ApplicationScoped
public class RequestAuthentication implements HttpAuthenticationMechanism {

  private static final Logger LOG = Logger.getLogger(RequestAuthentication.class.getName());

  /** How this request was authenticated: one of the {@code BY_*} values, or absent. */
  public static final String AUTHENTICATED_BY = "dev.workflowtracing.security.authenticated-by";

  /** The session's CSRF token, on a request authenticated by its session cookie. */
  public static final String SESSION_CSRF = "dev.workflowtracing.security.csrf";

  public static final String BY_SESSION = "session";
  public static final String BY_PASSWORD = "password";
  public static final String BY_TOKEN = "token";

  static final String BASIC_CHALLENGE = "Basic realm=\"Workflow Tracing\"";
  static final String BEARER_CHALLENGE = "Bearer realm=\"Workflow Tracing\"";

  @EJB LoginSessions sessions;
  @EJB ApiTokens tokens;
  @Inject OidcProvider oidc;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    boolean required = context.isProtected() || context.isAuthenticationRequest();
    Credentials credentials = Credentials.of(request);
    try {
      if (credentials instanceof Credentials.Bearer bearer) {
        return bearer(bearer.token(), required, request, context);
      }
      if (credentials instanceof Credentials.Basic basic) {
        Optional<List<String>> roles = PasswordCheck.rolesOf(basic.user(), basic.password());
        return roles.isEmpty()
            ? refused(required, context, BASIC_CHALLENGE, "The user name or password is wrong")
            : login(context, BY_PASSWORD, basic.user(), roles.get());
      }
      if (credentials instanceof Credentials.SessionCookie cookie) {
        Optional<SessionIdentity> session = sessions.find(cookie.secret());
        if (session.isEmpty()) {
          SessionCookies.clear(request, response);
          return refused(
              required,
              context,
              BEARER_CHALLENGE,
              "Your session has expired or was signed out: log in again");
        }
        request.setAttribute(SESSION_CSRF, session.get().csrfToken());
        return login(context, BY_SESSION, session.get().username(), session.get().roles());
      }
      return refused(
          required,
          context,
          BEARER_CHALLENGE,
          credentials instanceof Credentials.Malformed malformed ? malformed.why() : null);
    } catch (Exception e) {
      // The database (sessions, tokens) or the realm is out of reach: not the client's fault, and
      // not a reason to let anyone in.
      LOG.log(Level.WARNING, "Could not check the credentials of a request: " + e, e);
      request.setAttribute(
          Problem.DETAIL_ATTRIBUTE,
          "Credentials cannot be checked right now (the database or the security realm is out of"
              + " reach); try again shortly");
      try {
        response.setHeader("Retry-After", "5");
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      } catch (IOException io) {
        LOG.fine(() -> "Could not answer 503: " + io);
      }
      return AuthenticationStatus.SEND_FAILURE;
    }
  }

  /**
   * An API token, or else the identity provider's access token; anything else is left to the OTLP
   * receiver, which checks its configured ingest tokens itself.
   */
  private AuthenticationStatus bearer(
      String token, boolean required, HttpServletRequest request, HttpMessageContext context) {
    if (ApiTokens.looksLikeOurs(token)) {
      Optional<TokenIdentity> identity = tokens.authenticate(token);
      return identity.isEmpty()
          ? refused(
              required, context, BEARER_CHALLENGE, "The API token is unknown, revoked or expired")
          : login(context, BY_TOKEN, identity.get().principal(), identity.get().roles());
    }
    if (oidc.enabled() && looksLikeJwt(token)) {
      return providerToken(token, required, context);
    }
    return refused(
        required,
        context,
        BEARER_CHALLENGE,
        "The bearer token is not an API token of Workflow Tracing (wt_ and 43 characters)");
  }

  /** An access token of the identity provider, verified by its keys, in the roles it maps to. */
  private AuthenticationStatus providerToken(
      String token, boolean required, HttpMessageContext context) {
    OidcIdentity identity;
    try {
      identity = oidc.identity(oidc.verifyAccessToken(token));
    } catch (OidcRefused e) {
      if (e.unavailable()) {
        throw new IllegalStateException(e.getMessage(), e);
      }
      return refused(required, context, BEARER_CHALLENGE, e.getMessage());
    }
    return login(context, BY_TOKEN, identity.username(), identity.roles());
  }

  private static boolean looksLikeJwt(String token) {
    int first = token.indexOf('.');
    return first > 0 && token.indexOf('.', first + 1) > first + 1 && token.length() <= 8192;
  }

  /** Tells the container who sent the request, in which roles, and how it was authenticated. */
  private static AuthenticationStatus login(
      HttpMessageContext context, String by, String name, List<String> roles) {
    context.getRequest().setAttribute(AUTHENTICATED_BY, by);
    return context.notifyContainerAboutLogin(name, new HashSet<>(roles));
  }

  /**
   * Credentials that are missing or not good: 401 with the challenge and the detail (null: the
   * error page's own) where a login is required; elsewhere the request goes on, anonymous.
   */
  private static AuthenticationStatus refused(
      boolean required, HttpMessageContext context, String challenge, String detail) {
    if (!required) {
      return context.doNothing();
    }
    if (detail != null) {
      context.getRequest().setAttribute(Problem.DETAIL_ATTRIBUTE, detail);
    }
    context.getResponse().setHeader("WWW-Authenticate", challenge);
    return context.responseUnauthorized();
  }
}
