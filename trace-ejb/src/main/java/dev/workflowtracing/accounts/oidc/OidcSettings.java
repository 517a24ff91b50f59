package dev.workflowtracing.accounts.oidc;

import dev.workflowtracing.accounts.AccountRole;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * {@code tracing.oidc.*}: the provider's issuer (none: single sign-on is off), the client, the
 * claims that carry the user name and the roles, and which provider roles grant which of ours.
 */
public record OidcSettings(
    Optional<URI> issuer,
    String clientId,
    String clientSecret,
    String displayName,
    String usernameClaim,
    List<String> rolesClaim,
    Map<AccountRole, List<String>> roleMap,
    Optional<String> redirectUri) {

  public boolean enabled() {
    return issuer.isPresent();
  }

  public static OidcSettings from(Config config) {
    String issuerText = config.getOptionalValue("tracing.oidc.issuer", String.class).orElse("");
    Optional<URI> issuer = Optional.empty();
    if (!issuerText.isBlank()) {
      try {
        URI uri = URI.create(issuerText.strip().replaceAll("/+$", ""));
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
          throw new IllegalArgumentException("not http(s)");
        }
        issuer = Optional.of(uri);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "tracing.oidc.issuer must be the provider's issuer URL, such as"
                + " https://keycloak.example.org/realms/main, not "
                + issuerText,
            e);
      }
    }
    String clientId = config.getOptionalValue("tracing.oidc.client-id", String.class).orElse("");
    String secret = config.getOptionalValue("tracing.oidc.client-secret", String.class).orElse("");
    if (issuer.isPresent() && clientId.isBlank()) {
      throw new IllegalArgumentException(
          "tracing.oidc.client-id must be set when tracing.oidc.issuer is");
    }
    return new OidcSettings(
        issuer,
        clientId.strip(),
        secret,
        config.getValue("tracing.oidc.display-name", String.class),
        config.getValue("tracing.oidc.username-claim", String.class),
        List.of(config.getValue("tracing.oidc.roles-claim", String.class).split("\\.")),
        roleMap(config.getValue("tracing.oidc.role-map", String.class)),
        config
            .getOptionalValue("tracing.oidc.redirect-uri", String.class)
            .filter(s -> !s.isBlank()));
  }

  /** {@code viewer=a|b,admin=c}: our role, then the provider's roles that grant it. */
  static Map<AccountRole, List<String>> roleMap(String text) {
    Map<AccountRole, List<String>> map = new LinkedHashMap<>();
    for (String entry : text.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.indexOf('=');
      Optional<AccountRole> role =
          eq < 0 ? Optional.empty() : AccountRole.of(entry.substring(0, eq).strip());
      if (role.isEmpty() || role.get() == AccountRole.INGEST) {
        throw new IllegalArgumentException(
            "tracing.oidc.role-map: each entry is viewer, runner or admin = the provider's roles"
                + " separated by |, such as admin=tracing-admin|ops; not "
                + entry);
      }
      List<String> theirs = new ArrayList<>();
      for (String name : entry.substring(eq + 1).split("\\|")) {
        if (!name.isBlank()) {
          theirs.add(name.strip());
        }
      }
      map.put(role.get(), List.copyOf(theirs));
    }
    return Map.copyOf(map);
  }

  /** Our container roles for the provider's roles of a user: each mapped role with its grants. */
  public List<String> rolesFor(List<String> providerRoles) {
    java.util.Set<String> ours = new java.util.TreeSet<>();
    for (Map.Entry<AccountRole, List<String>> entry : roleMap.entrySet()) {
      if (entry.getValue().stream().anyMatch(providerRoles::contains)) {
        ours.addAll(entry.getKey().grants());
      }
    }
    return List.copyOf(ours);
  }
}
