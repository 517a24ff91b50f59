package dev.workflowtracing.accounts.oidc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/** The single sign-on settings, built once from MicroProfile Config. */
@ApplicationScoped
public class OidcSettingsProducer {

  @Produces
  @Singleton
  OidcSettings settings() {
    return OidcSettings.from(ConfigProvider.getConfig());
  }
}
