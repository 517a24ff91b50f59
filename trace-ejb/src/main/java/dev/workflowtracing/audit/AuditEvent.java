package dev.workflowtracing.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One row of the audit trail. */
@Entity
@Table(name = "audit_events")
public class AuditEvent {

  static final int MAX_ACTOR = 255;
  static final int MAX_ADDRESS = 64;
  static final int MAX_TARGET = 255;
  static final int MAX_DETAIL = 2000;

  @Id
  @Column(name = "event_id", length = 36)
  private String eventId;

  @Column(name = "at_millis", nullable = false)
  private long atMillis;

  @Column(nullable = false, length = MAX_ACTOR)
  private String actor;

  @Column(length = MAX_ADDRESS)
  private String address;

  @Column(nullable = false, length = 64)
  private String action;

  @Column(length = MAX_TARGET)
  private String target;

  @Column(length = MAX_DETAIL)
  private String detail;

  protected AuditEvent() {}

  AuditEvent(
      String eventId,
      long atMillis,
      String actor,
      String address,
      String action,
      String target,
      String detail) {
    this.eventId = eventId;
    this.atMillis = atMillis;
    this.actor = cut(actor, MAX_ACTOR);
    this.address = cut(address, MAX_ADDRESS);
    this.action = action;
    this.target = cut(target, MAX_TARGET);
    this.detail = cut(detail, MAX_DETAIL);
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  public String getEventId() {
    return eventId;
  }

  public long getAtMillis() {
    return atMillis;
  }

  public String getActor() {
    return actor;
  }

  public String getAddress() {
    return address;
  }

  public String getAction() {
    return action;
  }

  public String getTarget() {
    return target;
  }

  public String getDetail() {
    return detail;
  }
}
