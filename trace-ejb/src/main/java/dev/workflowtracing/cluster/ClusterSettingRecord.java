package dev.workflowtracing.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A setting an admin changed at run time, which every server of the cluster follows. */
@Entity
@Table(name = "cluster_settings")
public class ClusterSettingRecord {

  @Id
  @Column(length = 100)
  private String name;

  @Column(name = "setting_value", nullable = false, length = 1000)
  private String value;

  @Column(name = "changed_at", nullable = false)
  private long changedAt;

  @Column(name = "changed_by", length = 200)
  private String changedBy;

  protected ClusterSettingRecord() {}

  ClusterSettingRecord(String name, String value, long changedAt, String changedBy) {
    this.name = name;
    change(value, changedAt, changedBy);
  }

  void change(String value, long changedAt, String changedBy) {
    this.value = value;
    this.changedAt = changedAt;
    this.changedBy = changedBy;
  }

  String value() {
    return value;
  }
}
