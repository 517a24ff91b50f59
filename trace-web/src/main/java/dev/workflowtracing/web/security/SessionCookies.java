package dev.workflowtracing.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The two cookies of a Canvas session. {@code wt_session} carries the secret: {@code HttpOnly}, so
 * no script reads it. {@code wt_csrf} carries the token the Canvas copies into the {@code
 * X-CSRF-Token} header of every state-changing request: a script may read it, but only one of the
 * Canvas's own origin can. Both {@code SameSite=Strict}, and {@code Secure} when the request came
 * over HTTPS. No {@code Max-Age}: they end with the browser; the server ends the session itself.
 */
public final class SessionCookies {

  public static final String SESSION = "wt_session";
  public static final String CSRF = "wt_csrf";
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private SessionCookies() {}

  static void set(
      HttpServletRequest request, HttpServletResponse response, String secret, String csrf) {
    response.addHeader("Set-Cookie", cookie(request, SESSION, secret, true, false));
    response.addHeader("Set-Cookie", cookie(request, CSRF, csrf, false, false));
  }

  static void clear(HttpServletRequest request, HttpServletResponse response) {
    response.addHeader("Set-Cookie", cookie(request, SESSION, "", true, true));
    response.addHeader("Set-Cookie", cookie(request, CSRF, "", false, true));
  }

  private static String cookie(
      HttpServletRequest request, String name, String value, boolean httpOnly, boolean expire) {
    StringBuilder cookie = new StringBuilder(name).append('=').append(value);
    cookie.append("; Path=/; SameSite=Strict");
    if (httpOnly) {
      cookie.append("; HttpOnly");
    }
    if (request.isSecure()) {
      cookie.append("; Secure");
    }
    if (expire) {
      cookie.append("; Max-Age=0");
    }
    return cookie.toString();
  }
}
