package dev.workflowtracing.audit;

import org.eclipse.microprofile.config.Config;

/**
 * {@code tracing.audit.*}: how many days the trail keeps (0: for ever), and whether opening a
 * span's artifacts (prompts, responses) is audited too.
 */
public record AuditSettings(int retentionDays, boolean artifactReads) {

  public static AuditSettings from(Config config) {
    int days = config.getValue("tracing.audit.retention-days", Integer.class);
    if (days < 0 || days > 36_500) {
      throw new IllegalArgumentException(
          "tracing.audit.retention-days must be between 0 and 36500");
    }
    return new AuditSettings(days, config.getValue("tracing.audit.artifact-reads", Boolean.class));
  }
}
