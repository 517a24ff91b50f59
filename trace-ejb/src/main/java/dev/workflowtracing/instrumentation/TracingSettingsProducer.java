package dev.workflowtracing.instrumentation;

import dev.workflowtracing.instrumentation.redaction.RedactionSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The settings of the tracing areas, each built once from MicroProfile Config and injected where
 * needed: tracing and the SDK ({@code tracing.*}, {@code otel.*}), the database exporter ({@code
 * tracing.persistence.*}), redaction ({@code tracing.redaction.*}).
 */
@ApplicationScoped
public class TracingSettingsProducer {

  @Produces
  @Singleton
  TracingSettings tracing() {
    return TracingSettings.from(ConfigProvider.getConfig());
  }

  @Produces
  @Singleton
  PersistenceSettings persistence() {
    return PersistenceSettings.from(ConfigProvider.getConfig());
  }

  @Produces
  @Singleton
  RedactionSettings redaction() {
    return RedactionSettings.from(ConfigProvider.getConfig());
  }
}
