package dev.workflowtracing.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/** The workflow settings, built once from MicroProfile Config and injected where needed. */
@ApplicationScoped
public class WorkflowSettingsProducer {

  @Produces
  @Singleton
  WorkflowSettings settings() {
    return WorkflowSettings.from(ConfigProvider.getConfig());
  }
}
