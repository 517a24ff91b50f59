package dev.workflowtracing.audit;

import java.time.Instant;

/** An audit row as the API shows it. */
public record AuditView(
    String eventId,
    String at,
    String actor,
    String address,
    String action,
    String target,
    String detail) {

  static AuditView of(AuditEvent e) {
    return new AuditView(
        e.getEventId(),
        Instant.ofEpochMilli(e.getAtMillis()).toString(),
        e.getActor(),
        e.getAddress(),
        e.getAction(),
        e.getTarget(),
        e.getDetail());
  }
}
