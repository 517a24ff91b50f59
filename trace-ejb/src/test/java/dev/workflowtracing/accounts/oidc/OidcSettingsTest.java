package dev.workflowtracing.accounts.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowtracing.accounts.AccountRole;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OidcSettingsTest {

  @Test
  void providerRolesMapToOursWithWhatTheyGrant() {
    Map<AccountRole, List<String>> map =
        OidcSettings.roleMap("viewer=tracing-viewer, admin=tracing-admin|ops");
    OidcSettings settings =
        new OidcSettings(
            Optional.empty(),
            "c",
            "",
            "Keycloak",
            "preferred_username",
            List.of("roles"),
            map,
            Optional.empty());
    assertThat(settings.rolesFor(List.of("ops"))).containsExactly("admin", "runner", "viewer");
    assertThat(settings.rolesFor(List.of("tracing-viewer", "other"))).containsExactly("viewer");
    assertThat(settings.rolesFor(List.of("other"))).isEmpty();
  }

  @Test
  void aBadRoleMapIsAClearStartupError() {
    assertThatThrownBy(() -> OidcSettings.roleMap("root=x"))
        .hasMessageContaining("tracing.oidc.role-map")
        .hasMessageContaining("root=x");
    assertThatThrownBy(() -> OidcSettings.roleMap("ingest=collectors"))
        .hasMessageContaining("tracing.oidc.role-map");
    assertThatThrownBy(() -> OidcSettings.roleMap("viewer"))
        .hasMessageContaining("tracing.oidc.role-map");
  }
}
