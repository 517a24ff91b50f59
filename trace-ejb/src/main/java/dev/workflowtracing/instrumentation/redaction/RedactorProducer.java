package dev.workflowtracing.instrumentation.redaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One Redactor for the application, from the redaction settings, built when first needed. */
@ApplicationScoped
public class RedactorProducer {

  @Produces
  @Singleton
  Redactor redactor(RedactionSettings settings) {
    return new Redactor(settings);
  }
}
