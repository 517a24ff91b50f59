package dev.workflowtracing.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;

/** One signed-in session, known by the digest of its cookie's secret. */
@Entity
@Table(name = "login_sessions")
public class LoginSession {

  @Id
  @Column(name = "secret_hash", length = 64)
  private String secretHash;

  @Column(nullable = false, length = 255)
  private String username;

  /** The container roles, comma separated. */
  @Column(nullable = false, length = 255)
  private String roles;

  @Column(name = "csrf_token", nullable = false, length = 64)
  private String csrfToken;

  @Column(nullable = false, length = 16)
  private String method;

  @Column(length = 64)
  private String address;

  @Column(name = "created_millis", nullable = false)
  private long createdMillis;

  @Column(name = "last_seen_millis", nullable = false)
  private long lastSeenMillis;

  @Column(name = "expires_millis", nullable = false)
  private long expiresMillis;

  protected LoginSession() {}

  LoginSession(
      String secretHash,
      SessionIdentity identity,
      String address,
      long nowMillis,
      long expiresMillis) {
    this.secretHash = secretHash;
    this.username = identity.username();
    this.roles = String.join(",", identity.roles());
    this.csrfToken = identity.csrfToken();
    this.method = identity.method();
    this.address = address == null || address.length() <= 64 ? address : address.substring(0, 64);
    this.createdMillis = nowMillis;
    this.lastSeenMillis = nowMillis;
    this.expiresMillis = expiresMillis;
  }

  SessionIdentity identity() {
    List<String> list = roles.isEmpty() ? List.of() : Arrays.asList(roles.split(","));
    return new SessionIdentity(username, list, csrfToken, method);
  }

  long lastSeenMillis() {
    return lastSeenMillis;
  }

  long expiresMillis() {
    return expiresMillis;
  }

  void seenAt(long millis) {
    this.lastSeenMillis = millis;
  }
}
