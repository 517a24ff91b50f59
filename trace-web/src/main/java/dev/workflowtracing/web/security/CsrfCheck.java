package dev.workflowtracing.web.security;

import dev.workflowtracing.accounts.Secrets;
import dev.workflowtracing.web.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Set;

/**
 * A state-changing request authenticated by the session cookie must carry the session's CSRF token
 * in {@code X-CSRF-Token}: a page of another site can make the browser send the cookie, never the
 * header (it cannot read the token). Requests with Basic credentials or an API token carry no
 * ambient credential, so they need none.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class CsrfCheck implements ContainerRequestFilter {

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    if (SAFE.contains(request.getMethod())
        || !RequestAuthentication.BY_SESSION.equals(
            servletRequest.getAttribute(RequestAuthentication.AUTHENTICATED_BY))) {
      return;
    }
    String expected = (String) servletRequest.getAttribute(RequestAuthentication.SESSION_CSRF);
    String sent = request.getHeaderString(SessionCookies.CSRF_HEADER);
    if (!Secrets.sameText(expected, sent)) {
      request.abortWith(
          Problem.response(
              403,
              "Forbidden",
              sent == null
                  ? "A state-changing request of a session needs the "
                      + SessionCookies.CSRF_HEADER
                      + " header, with the value of the "
                      + SessionCookies.CSRF
                      + " cookie"
                  : "The " + SessionCookies.CSRF_HEADER + " header is not this session's token",
              List.of()));
    }
  }
}
