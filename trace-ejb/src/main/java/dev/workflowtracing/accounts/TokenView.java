package dev.workflowtracing.accounts;

import java.time.Instant;

/** An API token as admins see it listed: everything but its secret. */
public record TokenView(
    String id,
    String name,
    String role,
    String createdBy,
    String createdAt,
    String expiresAt,
    String revokedAt,
    String revokedBy,
    String lastUsedAt,
    String state) {

  static TokenView of(ApiToken t, long nowMillis) {
    String state =
        t.revokedMillis() != null ? "revoked" : t.usableAt(nowMillis) ? "active" : "expired";
    return new TokenView(
        t.tokenId(),
        t.name(),
        t.role(),
        t.createdBy(),
        instant(t.createdMillis()),
        instant(t.expiresMillis()),
        t.revokedMillis() == null ? null : instant(t.revokedMillis()),
        t.revokedBy(),
        t.lastUsedMillis() == null ? null : instant(t.lastUsedMillis()),
        state);
  }

  private static String instant(long millis) {
    return Instant.ofEpochMilli(millis).toString();
  }
}
