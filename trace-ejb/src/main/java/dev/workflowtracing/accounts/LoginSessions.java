package dev.workflowtracing.accounts;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Opens, finds and ends the Canvas's sessions. A session ends when it has been idle for {@code
 * tracing.session.idle-timeout}, at {@code tracing.session.max-age} after it was opened, or when
 * its user signs out; expired rows are deleted as new sessions open.
 */
@Stateless
public class LoginSessions {

  /** At most this many expired rows are deleted per login: a login never waits for a big purge. */
  static final int PURGE_BATCH = 500;

  @PersistenceContext EntityManager em;
  @Inject AccountSettings settings;

  public OpenedSession open(String username, List<String> roles, String method, String address) {
    long now = System.currentTimeMillis();
    purgeExpired(now);
    String secret = Secrets.random();
    SessionIdentity identity = new SessionIdentity(username, roles, Secrets.random(), method);
    em.persist(
        new LoginSession(
            Secrets.sha256Hex(secret),
            identity,
            address,
            now,
            now + settings.sessionMaxAge().toMillis()));
    return new OpenedSession(secret, identity);
  }

  /** The live session of a cookie's secret, touched if it has not been for a while. */
  public Optional<SessionIdentity> find(String secret) {
    LoginSession session = em.find(LoginSession.class, Secrets.sha256Hex(secret));
    if (session == null) {
      return Optional.empty();
    }
    long now = System.currentTimeMillis();
    if (now >= session.expiresMillis()
        || now - session.lastSeenMillis() >= settings.sessionIdleTimeout().toMillis()) {
      em.remove(session);
      return Optional.empty();
    }
    if (now - session.lastSeenMillis() >= settings.touchInterval().toMillis()) {
      session.seenAt(now);
    }
    return Optional.of(session.identity());
  }

  /** Signs a session out; how it was opened, or empty for one that is gone already. */
  public Optional<String> close(String secret) {
    LoginSession session = em.find(LoginSession.class, Secrets.sha256Hex(secret));
    if (session == null) {
      return Optional.empty();
    }
    em.remove(session);
    return Optional.of(session.identity().method());
  }

  private void purgeExpired(long now) {
    List<String> expired =
        em.createQuery(
                "select s.secretHash from LoginSession s where s.expiresMillis <= :now"
                    + " or s.lastSeenMillis <= :idleSince",
                String.class)
            .setParameter("now", now)
            .setParameter("idleSince", now - settings.sessionIdleTimeout().toMillis())
            .setMaxResults(PURGE_BATCH)
            .getResultList();
    if (!expired.isEmpty()) {
      em.createQuery("delete from LoginSession s where s.secretHash in :hashes")
          .setParameter("hashes", expired)
          .executeUpdate();
    }
  }
}
