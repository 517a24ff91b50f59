package dev.workflowtracing.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One server's lease: who it is, which start of it holds the lease, and a count its renewals move
 * on. Others judge it by whether the count moves, not by its clock.
 */
@Entity
@Table(name = "server_leases")
@NamedQuery(name = "ServerLeaseRecord.all", query = "select l from ServerLeaseRecord l")
@NamedQuery(
    name = "ServerLeaseRecord.renew",
    query =
        "update ServerLeaseRecord l set l.renewals = l.renewals + 1, l.renewedAt = :now"
            + " where l.instanceId = :id and l.incarnation = :incarnation")
@NamedQuery(
    name = "ServerLeaseRecord.release",
    query =
        "delete from ServerLeaseRecord l where l.instanceId = :id and l.incarnation = :incarnation")
@NamedQuery(
    name = "ServerLeaseRecord.serversRunningWithoutLease",
    query =
        "select distinct r.executedBy from RunRecord r where r.status = :status"
            + " and r.executedBy is not null and r.startedAt < :before and r.executedBy not in"
            + " (select l.instanceId from ServerLeaseRecord l)")
@NamedQuery(
    name = "ServerLeaseRecord.dropIfStill",
    query = "delete from ServerLeaseRecord l where l.instanceId = :id and l.renewals = :renewals")
public class ServerLeaseRecord {

  @Id
  @Column(name = "instance_id", length = 200)
  private String instanceId;

  @Column(nullable = false, length = 36)
  private String incarnation;

  @Column(name = "started_at", nullable = false)
  private long startedAt;

  @Column(name = "renewed_at", nullable = false)
  private long renewedAt;

  @Column(nullable = false)
  private long renewals;

  protected ServerLeaseRecord() {}

  ServerLeaseRecord(String instanceId, String incarnation, long now) {
    this.instanceId = instanceId;
    this.incarnation = incarnation;
    this.startedAt = now;
    this.renewedAt = now;
  }

  /** This start of the server takes the lease over from an earlier one. */
  void takeOver(String incarnation, long now) {
    this.incarnation = incarnation;
    this.startedAt = now;
    this.renewedAt = now;
    this.renewals++;
  }

  String instanceId() {
    return instanceId;
  }

  long renewedAt() {
    return renewedAt;
  }

  long renewals() {
    return renewals;
  }
}
