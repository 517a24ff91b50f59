package dev.workflowtracing.web.audit;

import dev.workflowtracing.audit.AuditAction;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A 401 answered to Basic credentials is a failed login: audited with the account it tried and the
 * client's address, never the password. A 401 without credentials (a first request, before the
 * browser asks for them) is not one.
 */
@RequestScoped
public class FailedLogins {

  @Inject AuditLog audit;

  public void recordIfCredentials(HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return;
    }
    String account = account(authorization.substring(6).strip());
    audit.recordAs(account, AuditAction.LOGIN_FAILED, account, null);
  }

  /** The user name of Basic credentials (the login guard refused malformed ones before). */
  private static String account(String credentials) {
    try {
      String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? "(malformed)" : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return "(malformed)";
    }
  }
}
