package dev.workflowtracing.web.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What a request presents to prove who sent it, read once: an {@code Authorization} header (Bearer
 * or Basic) wins over the session cookie. Bounded: an over-long or malformed value is {@link
 * Malformed}, never decoded further.
 */
public sealed interface Credentials {

  /** The longest Authorization header or cookie value looked at. */
  int MAX_LENGTH = 4096;

  record None() implements Credentials {}

  record Bearer(String token) implements Credentials {}

  record Basic(String user, String password) implements Credentials {}

  record SessionCookie(String secret) implements Credentials {}

  /** Credentials that cannot be read; {@code why} says what to send instead. */
  record Malformed(String why) implements Credentials {}

  static Credentials of(HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    if (authorization != null) {
      return fromHeader(authorization);
    }
    String session = cookie(request, SessionCookies.SESSION);
    if (session != null) {
      return session.length() > 128 || session.isEmpty()
          ? new Malformed("The session cookie is not one of ours: log in again")
          : new SessionCookie(session);
    }
    return new None();
  }

  static Credentials fromHeader(String authorization) {
    if (authorization.length() > MAX_LENGTH) {
      return new Malformed("The Authorization header is longer than " + MAX_LENGTH + " characters");
    }
    if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String token = authorization.substring(7).strip();
      return token.isEmpty()
          ? new Malformed("The bearer token is empty: send \"Bearer wt_…\"")
          : new Bearer(token);
    }
    if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded =
            new String(
                Base64.getDecoder().decode(authorization.substring(6).strip()),
                StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon > 0 && colon <= 256 && decoded.indexOf('\0') < 0) {
          return new Basic(decoded.substring(0, colon), decoded.substring(colon + 1));
        }
      } catch (IllegalArgumentException e) {
        // Not base64: refused below.
      }
      return new Malformed(
          "The Authorization header is not valid Basic credentials: send \"Basic \" and the"
              + " base64 of user:password");
    }
    return new Malformed(
        "The Authorization header's scheme is not known: send Basic credentials or a Bearer token");
  }

  static String cookie(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    for (Cookie cookie : cookies) {
      if (name.equals(cookie.getName())) {
        return cookie.getValue();
      }
    }
    return null;
  }
}
