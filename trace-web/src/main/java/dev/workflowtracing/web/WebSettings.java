package dev.workflowtracing.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The API's and the Canvas's settings ({@code tracing.api.*}, {@code tracing.ui.enabled}, {@code
 * tracing.monitoring.link-templates}, {@code tracing.security.login.*}), read once.
 */
public record WebSettings(
    long maxRequestBytes,
    int maxInputChars,
    long maxTraceDetailChars,
    boolean traceTabEnabled,
    String monitoringLinkTemplates,
    int loginMaxFailures,
    Duration loginLockout,
    int statsMaxRangeDays) {

  public static WebSettings from(Config config) {
    return new WebSettings(
        config.getValue("tracing.api.max-request-bytes", Long.class),
        config.getValue("tracing.api.max-input-chars", Integer.class),
        config.getValue("tracing.api.max-trace-detail-chars", Long.class),
        config.getValue("tracing.ui.enabled", Boolean.class),
        config.getOptionalValue("tracing.monitoring.link-templates", String.class).orElse(""),
        config.getValue("tracing.security.login.max-failures", Integer.class),
        Duration.ofSeconds(config.getValue("tracing.security.login.lockout-seconds", Long.class)),
        config.getValue("workflow.stats.max-range-days", Integer.class));
  }

  /** Builds them once for injection. */
  @ApplicationScoped
  public static class Producer {
    @Produces
    @Singleton
    WebSettings settings() {
      return WebSettings.from(ConfigProvider.getConfig());
    }
  }
}
