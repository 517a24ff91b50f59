package dev.workflowtracing.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/** The receiver's settings and tokens, built once from MicroProfile Config. */
@ApplicationScoped
public class IngestSettingsProducer {

  @Produces
  @Singleton
  IngestSettings settings() {
    return IngestSettings.from(ConfigProvider.getConfig());
  }

  @Produces
  @Singleton
  IngestTokens tokens(IngestSettings settings) {
    return new IngestTokens(settings.tokens());
  }
}
