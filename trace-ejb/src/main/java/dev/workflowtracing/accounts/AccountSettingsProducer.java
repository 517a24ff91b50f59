package dev.workflowtracing.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/** The account settings, built once from MicroProfile Config. */
@ApplicationScoped
public class AccountSettingsProducer {

  @Produces
  @Singleton
  AccountSettings settings() {
    return AccountSettings.from(ConfigProvider.getConfig());
  }
}
