package dev.workflowtracing.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One API token: its name, role and expiry, and the digest of its secret (never the secret). */
@Entity
@Table(name = "api_tokens")
public class ApiToken {

  @Id
  @Column(name = "token_id", length = 36)
  private String tokenId;

  @Column(nullable = false, length = NewToken.MAX_NAME)
  private String name;

  @Column(nullable = false, length = 16)
  private String role;

  @Column(name = "secret_hash", nullable = false, length = 64)
  private String secretHash;

  @Column(name = "created_by", nullable = false, length = 255)
  private String createdBy;

  @Column(name = "created_millis", nullable = false)
  private long createdMillis;

  @Column(name = "expires_millis", nullable = false)
  private long expiresMillis;

  @Column(name = "revoked_millis")
  private Long revokedMillis;

  @Column(name = "revoked_by", length = 255)
  private String revokedBy;

  @Column(name = "last_used_millis")
  private Long lastUsedMillis;

  protected ApiToken() {}

  ApiToken(String tokenId, NewToken token, String secretHash, String createdBy, long nowMillis) {
    this.tokenId = tokenId;
    this.name = token.name();
    this.role = token.role().id();
    this.secretHash = secretHash;
    this.createdBy = cut(createdBy);
    this.createdMillis = nowMillis;
    this.expiresMillis = token.expiresAt().toEpochMilli();
  }

  private static String cut(String text) {
    return text.length() <= 255 ? text : text.substring(0, 255);
  }

  String tokenId() {
    return tokenId;
  }

  String name() {
    return name;
  }

  String role() {
    return role;
  }

  String createdBy() {
    return createdBy;
  }

  long createdMillis() {
    return createdMillis;
  }

  long expiresMillis() {
    return expiresMillis;
  }

  Long revokedMillis() {
    return revokedMillis;
  }

  String revokedBy() {
    return revokedBy;
  }

  Long lastUsedMillis() {
    return lastUsedMillis;
  }

  boolean usableAt(long millis) {
    return revokedMillis == null && millis < expiresMillis;
  }

  void revoke(String by, long millis) {
    this.revokedBy = cut(by);
    this.revokedMillis = millis;
  }

  void usedAt(long millis) {
    this.lastUsedMillis = millis;
  }
}
