package dev.workflowtracing.accounts;

import java.util.List;

/**
 * Who a session belongs to, in which container roles, the token its state-changing requests must
 * carry against cross-site request forgery, and how it was opened ({@code password} or {@code
 * oidc}).
 */
public record SessionIdentity(
    String username, List<String> roles, String csrfToken, String method) {

  public SessionIdentity {
    roles = List.copyOf(roles);
  }
}
