package dev.workflowtracing.accounts;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates, lists, revokes and checks API tokens. A token is {@code wt_} and 43 random characters;
 * only its SHA-256 is stored. Every request looks its token up in the database, so a revoked or
 * expired token is refused at once by every server.
 */
@Stateless
public class ApiTokens {

  public static final String PREFIX = "wt_";

  /** A token is exactly this long; anything else is refused without a lookup. */
  public static final int TOKEN_LENGTH = PREFIX.length() + 43;

  /** The listing shows at most this many tokens, newest first. */
  public static final int MAX_LISTED = 1000;

  /** How stale a token's last-used time may be: a busy token is written at most once a minute. */
  static final long TOUCH_MILLIS = 60_000;

  @PersistenceContext EntityManager em;
  @Inject AccountSettings settings;

  public CreatedToken create(NewToken token, String createdBy) throws TooManyTokens {
    long now = System.currentTimeMillis();
    long active =
        em.createQuery(
                "select count(t) from ApiToken t where t.revokedMillis is null"
                    + " and t.expiresMillis > :now",
                Long.class)
            .setParameter("now", now)
            .getSingleResult();
    if (active >= settings.maxActiveTokens()) {
      throw new TooManyTokens(settings.maxActiveTokens());
    }
    String secret = PREFIX + Secrets.random();
    ApiToken row =
        new ApiToken(
            UUID.randomUUID().toString(), token, Secrets.sha256Hex(secret), createdBy, now);
    em.persist(row);
    return new CreatedToken(TokenView.of(row, now), secret);
  }

  public List<TokenView> list() {
    long now = System.currentTimeMillis();
    return em
        .createQuery(
            "select t from ApiToken t order by t.createdMillis desc, t.tokenId", ApiToken.class)
        .setMaxResults(MAX_LISTED)
        .getResultList()
        .stream()
        .map(t -> TokenView.of(t, now))
        .toList();
  }

  /** Revokes a token; the revoked token as it is now, or empty for an unknown id. */
  public Optional<TokenView> revoke(String id, String by) {
    ApiToken token = em.find(ApiToken.class, id);
    if (token == null) {
      return Optional.empty();
    }
    long now = System.currentTimeMillis();
    if (token.revokedMillis() == null) {
      token.revoke(by, now);
    }
    return Optional.of(TokenView.of(token, now));
  }

  /** Who the token acts as, if it is one of ours, not revoked and not expired. */
  public Optional<TokenIdentity> authenticate(String secret) {
    if (!looksLikeOurs(secret)) {
      return Optional.empty();
    }
    List<ApiToken> found =
        em.createQuery("select t from ApiToken t where t.secretHash = :hash", ApiToken.class)
            .setParameter("hash", Secrets.sha256Hex(secret))
            .getResultList();
    long now = System.currentTimeMillis();
    if (found.isEmpty() || !found.get(0).usableAt(now)) {
      return Optional.empty();
    }
    ApiToken token = found.get(0);
    if (token.lastUsedMillis() == null || now - token.lastUsedMillis() >= TOUCH_MILLIS) {
      token.usedAt(now);
    }
    AccountRole role = AccountRole.of(token.role()).orElse(AccountRole.VIEWER);
    return Optional.of(new TokenIdentity("token:" + token.name(), role.grants()));
  }

  /** The shape of our tokens, checked before anything is hashed or looked up. */
  public static boolean looksLikeOurs(String secret) {
    if (secret == null || secret.length() != TOKEN_LENGTH || !secret.startsWith(PREFIX)) {
      return false;
    }
    for (int i = PREFIX.length(); i < secret.length(); i++) {
      char c = secret.charAt(i);
      if (!(Character.isLetterOrDigit(c) && c < 128) && c != '-' && c != '_') {
        return false;
      }
    }
    return true;
  }
}
