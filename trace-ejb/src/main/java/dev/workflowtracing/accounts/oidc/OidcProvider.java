package dev.workflowtracing.accounts.oidc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

/**
 * The identity provider as this server talks to it: its endpoints (read once from its discovery
 * document), the code-for-token exchange, and the verification of its tokens (signature by the keys
 * it publishes, which jose4j caches and refreshes, issuer, audience, expiry). Per server and
 * stateless apart from that cache: it holds configuration, not sessions.
 */
@ApplicationScoped
public class OidcProvider {

  /** The largest answer read from the provider. */
  static final int MAX_ANSWER_CHARS = 1 << 20;

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Inject OidcSettings settings;

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private volatile Endpoints endpoints;
  private volatile HttpsJwksVerificationKeyResolver keys;

  /** The provider's endpoints from its discovery document. */
  public record Endpoints(URI authorization, URI token, URI jwks, URI endSession) {}

  public boolean enabled() {
    return settings.enabled();
  }

  public OidcSettings settings() {
    return settings;
  }

  public Endpoints endpoints() throws OidcRefused {
    Endpoints known = endpoints;
    if (known != null) {
      return known;
    }
    URI discovery =
        URI.create(settings.issuer().orElseThrow() + "/.well-known/openid-configuration");
    JsonObject document = getJson(discovery);
    String issuer = text(document, "issuer");
    if (!settings.issuer().orElseThrow().toString().equals(issuer)) {
      throw new OidcRefused(
          "The provider's discovery document names the issuer "
              + issuer
              + ", not tracing.oidc.issuer",
          true);
    }
    known =
        new Endpoints(
            URI.create(text(document, "authorization_endpoint")),
            URI.create(text(document, "token_endpoint")),
            URI.create(text(document, "jwks_uri")),
            document.containsKey("end_session_endpoint")
                ? URI.create(text(document, "end_session_endpoint"))
                : null);
    HttpsJwks jwks = new HttpsJwks(known.jwks().toString());
    keys = new HttpsJwksVerificationKeyResolver(jwks);
    endpoints = known;
    return known;
  }

  /**
   * Where to send the browser so that the provider ends its own session too (RP-initiated logout),
   * coming back to {@code returnTo}; empty when the provider has no such endpoint.
   */
  public java.util.Optional<URI> logout(String returnTo) throws OidcRefused {
    URI endSession = endpoints().endSession();
    if (endSession == null) {
      return java.util.Optional.empty();
    }
    String base = endSession.toString();
    return java.util.Optional.of(
        URI.create(
            base
                + (base.contains("?") ? "&" : "?")
                + "client_id="
                + encode(settings.clientId())
                + "&post_logout_redirect_uri="
                + encode(returnTo)));
  }

  /** Exchanges an authorization code (with its PKCE verifier) for the ID token it stands for. */
  public String exchange(String code, String verifier, String redirectUri) throws OidcRefused {
    Endpoints at = endpoints();
    Map<String, String> form =
        Map.of(
            "grant_type",
            "authorization_code",
            "code",
            code,
            "redirect_uri",
            redirectUri,
            "code_verifier",
            verifier,
            "client_id",
            settings.clientId(),
            "client_secret",
            settings.clientSecret());
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpResponse<String> answer;
    try {
      answer =
          http.send(
              HttpRequest.newBuilder(at.token())
                  .timeout(TIMEOUT)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("Accept", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new OidcRefused("The identity provider cannot be reached: " + reason(e), true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OidcRefused("Interrupted while asking the identity provider", true);
    }
    JsonObject tokens = parse(answer.body());
    if (answer.statusCode() != 200) {
      throw new OidcRefused(
          "The identity provider refused the sign-in ("
              + answer.statusCode()
              + (tokens.containsKey("error") ? ", " + text(tokens, "error") : "")
              + "): sign in again");
    }
    return text(tokens, "id_token");
  }

  /** An ID token's claims, verified: signed by the provider, for this client, not expired. */
  public JwtClaims verifyIdToken(String idToken) throws OidcRefused {
    endpoints();
    return verify(idToken, true);
  }

  /** A provider access token sent as a bearer token: signed by it, issued to this client. */
  public JwtClaims verifyAccessToken(String token) throws OidcRefused {
    checkIssuer(token);
    endpoints();
    JwtClaims claims = verify(token, false);
    try {
      Object azp = claims.getClaimValue("azp");
      if (!settings.clientId().equals(azp) && !claims.getAudience().contains(settings.clientId())) {
        throw new OidcRefused("The token was not issued to the client " + settings.clientId());
      }
    } catch (MalformedClaimException e) {
      throw new OidcRefused("The token's audience cannot be read");
    }
    return claims;
  }

  /** The identity of verified claims: the user name claim and our roles from theirs. */
  public OidcIdentity identity(JwtClaims claims) throws OidcRefused {
    Object name = claims.getClaimValue(settings.usernameClaim());
    if (!(name instanceof String username) || username.isBlank() || username.length() > 255) {
      throw new OidcRefused(
          "The provider's token has no user name in the claim " + settings.usernameClaim());
    }
    return new OidcIdentity(username, settings.rolesFor(providerRoles(claims)));
  }

  /** A token from another issuer is refused before any key is fetched, saying which it names. */
  private void checkIssuer(String token) throws OidcRefused {
    try {
      JwtContext context =
          new JwtConsumerBuilder()
              .setSkipAllValidators()
              .setDisableRequireSignature()
              .setSkipSignatureVerification()
              .build()
              .process(token);
      String issuer = context.getJwtClaims().getIssuer();
      if (!settings.issuer().orElseThrow().toString().equals(issuer)) {
        throw new OidcRefused(
            "The token's issuer "
                + (issuer == null ? "(none)" : '"' + cut(issuer) + '"')
                + " is not the configured identity provider (tracing.oidc.issuer)");
      }
    } catch (InvalidJwtException | MalformedClaimException e) {
      throw new OidcRefused("The bearer token is neither an API token nor a readable JWT");
    }
  }

  private JwtClaims verify(String token, boolean requireAudience) throws OidcRefused {
    JwtConsumerBuilder builder =
        new JwtConsumerBuilder()
            .setRequireExpirationTime()
            .setAllowedClockSkewInSeconds(30)
            .setRequireSubject()
            .setExpectedIssuer(settings.issuer().orElseThrow().toString())
            .setVerificationKeyResolver(keys)
            .setJwsAlgorithmConstraints(
                AlgorithmConstraints.ConstraintType.PERMIT,
                AlgorithmIdentifiers.RSA_USING_SHA256,
                AlgorithmIdentifiers.RSA_USING_SHA384,
                AlgorithmIdentifiers.RSA_USING_SHA512,
                AlgorithmIdentifiers.RSA_PSS_USING_SHA256,
                AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
                AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384);
    if (requireAudience) {
      builder.setExpectedAudience(settings.clientId());
    } else {
      builder.setSkipDefaultAudienceValidation();
    }
    JwtConsumer consumer = builder.build();
    try {
      return consumer.processToClaims(token);
    } catch (InvalidJwtException e) {
      boolean keysUnreachable =
          e.getCause() instanceof org.jose4j.lang.UnresolvableKeyException
              && e.getCause().getCause() instanceof IOException;
      throw new OidcRefused(
          keysUnreachable
              ? "The identity provider's keys cannot be read right now"
              : "The provider's token is not valid: "
                  + e.getErrorDetails().stream()
                      .map(d -> d.getErrorMessage())
                      .findFirst()
                      .orElse("it cannot be verified"),
          keysUnreachable);
    }
  }

  /** The provider's role names at the configured claim path (a list or one string). */
  private List<String> providerRoles(JwtClaims claims) {
    Object value = claims.getClaimsMap();
    for (String step : settings.rolesClaim()) {
      value = value instanceof Map<?, ?> map ? map.get(step) : null;
    }
    List<String> roles = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(roles::add);
    } else if (value instanceof String one) {
      roles.add(one);
    }
    return roles;
  }

  private JsonObject getJson(URI uri) throws OidcRefused {
    try {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(uri)
                  .timeout(TIMEOUT)
                  .header("Accept", "application/json")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new OidcRefused(
            "The identity provider's discovery document answered " + answer.statusCode(), true);
      }
      return parse(answer.body());
    } catch (IOException e) {
      throw new OidcRefused("The identity provider cannot be reached: " + reason(e), true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OidcRefused("Interrupted while asking the identity provider", true);
    }
  }

  private static JsonObject parse(String body) throws OidcRefused {
    if (body == null || body.length() > MAX_ANSWER_CHARS) {
      throw new OidcRefused("The identity provider's answer is empty or too large", true);
    }
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      throw new OidcRefused("The identity provider's answer is not a JSON object", true);
    }
  }

  private static String text(JsonObject object, String key) throws OidcRefused {
    JsonValue value = object.get(key);
    if (!(value instanceof JsonString string)) {
      throw new OidcRefused("The identity provider's answer has no " + key, true);
    }
    return string.getString();
  }

  private static String reason(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String cut(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
