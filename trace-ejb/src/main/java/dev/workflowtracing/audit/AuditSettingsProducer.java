package dev.workflowtracing.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/** The audit trail's settings, built once from MicroProfile Config. */
@ApplicationScoped
public class AuditSettingsProducer {

  @Produces
  @Singleton
  AuditSettings settings() {
    return AuditSettings.from(ConfigProvider.getConfig());
  }
}
