package dev.workflowtracing.instrumentation.redaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/** One Redactor for the application, built from MicroProfile Config when first needed. */
@ApplicationScoped
public class RedactorProducer {

  @Produces
  @Singleton
  Redactor redactor() {
    return new Redactor(RedactionSettings.from(ConfigProvider.getConfig()));
  }
}
