package dev.workflowtracing.web.security;

import dev.workflowtracing.accounts.AccountRole;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.wildfly.security.auth.server.RealmUnavailableException;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.evidence.PasswordGuessEvidence;

/**
 * Checks a user's password against the server's own security domain (Elytron's ApplicationRealm,
 * where config/cli/add-users.sh puts users), and reads the user's roles from it. Passwords never
 * reach the application's database.
 */
final class PasswordCheck {

  /** A password longer than this is refused without asking the realm. */
  static final int MAX_PASSWORD = 1024;

  private PasswordCheck() {}

  /** The user's container roles, if the password is right. */
  static Optional<List<String>> rolesOf(String user, String password)
      throws RealmUnavailableException {
    if (user.isEmpty() || password.isEmpty() || password.length() > MAX_PASSWORD) {
      return Optional.empty();
    }
    SecurityIdentity identity;
    try {
      identity =
          SecurityDomain.getCurrent()
              .authenticate(user, new PasswordGuessEvidence(password.toCharArray()));
    } catch (SecurityException e) {
      return Optional.empty();
    }
    return Optional.of(
        Arrays.stream(AccountRole.values())
            .map(AccountRole::id)
            .filter(role -> identity.getRoles().contains(role))
            .toList());
  }
}
