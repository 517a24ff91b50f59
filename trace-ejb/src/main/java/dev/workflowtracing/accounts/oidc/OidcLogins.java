package dev.workflowtracing.accounts.oidc;

import dev.workflowtracing.accounts.Secrets;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.jose4j.jwt.JwtClaims;

/**
 * The authorization-code flow with PKCE: {@link #begin} records a state, nonce and verifier in the
 * database (so the provider may send the browser back to any server) and answers where to send the
 * browser; {@link #finish} takes the code back once, exchanges it and verifies the ID token.
 */
@Stateless
public class OidcLogins {

  /** How long a sign-in may stay at the provider. */
  static final Duration PENDING = Duration.ofMinutes(10);

  static final int PURGE_BATCH = 500;

  @PersistenceContext EntityManager em;
  @Inject OidcProvider provider;

  /** Where to send the browser to sign in; the callback comes back to {@code redirectUri}. */
  public URI begin(String redirectUri) throws OidcRefused {
    OidcProvider.Endpoints endpoints = provider.endpoints();
    long now = System.currentTimeMillis();
    purgeBefore(now - PENDING.toMillis());
    String state = Secrets.random();
    String nonce = Secrets.random();
    String verifier = Secrets.random();
    em.persist(new OidcLoginState(Secrets.sha256Hex(state), nonce, verifier, redirectUri, now));
    String query =
        "response_type=code&scope=openid%20profile"
            + "&client_id="
            + encode(provider.settings().clientId())
            + "&redirect_uri="
            + encode(redirectUri)
            + "&state="
            + state
            + "&nonce="
            + nonce
            + "&code_challenge="
            + challenge(verifier)
            + "&code_challenge_method=S256";
    String base = endpoints.authorization().toString();
    return URI.create(base + (base.contains("?") ? "&" : "?") + query);
  }

  /** The identity of a callback's code, if its state is one this cluster sent out. */
  public OidcIdentity finish(String state, String code) throws OidcRefused {
    List<OidcLoginState> pending =
        em.createQuery(
                "select s from OidcLoginState s where s.stateHash = :hash", OidcLoginState.class)
            .setParameter("hash", Secrets.sha256Hex(state))
            .getResultList();
    if (pending.isEmpty()
        || pending.get(0).createdMillis() < System.currentTimeMillis() - PENDING.toMillis()) {
      throw new OidcRefused(
          "This sign-in was not started here, was used already or took longer than 10 minutes:"
              + " sign in again");
    }
    OidcLoginState login = pending.get(0);
    em.remove(login);
    em.flush();
    String idToken = provider.exchange(code, login.verifier(), login.redirectUri());
    JwtClaims claims = provider.verifyIdToken(idToken);
    if (!login.nonce().equals(claims.getClaimValue("nonce"))) {
      throw new OidcRefused("The ID token's nonce is not this sign-in's: sign in again");
    }
    return provider.identity(claims);
  }

  private void purgeBefore(long cutoff) {
    List<String> old =
        em.createQuery(
                "select s.stateHash from OidcLoginState s where s.createdMillis < :cutoff",
                String.class)
            .setParameter("cutoff", cutoff)
            .setMaxResults(PURGE_BATCH)
            .getResultList();
    if (!old.isEmpty()) {
      em.createQuery("delete from OidcLoginState s where s.stateHash in :hashes")
          .setParameter("hashes", old)
          .executeUpdate();
    }
  }

  private static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always there", e);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
