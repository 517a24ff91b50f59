package dev.workflowtracing.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A stored version of a workflow definition; versions are never changed, only added. */
@Entity
@Table(name = "workflows")
@IdClass(WorkflowRecord.Key.class)
@NamedQuery(
    name = "WorkflowRecord.findLatestVersions",
    query =
        "select w from WorkflowRecord w where w.version ="
            + " (select max(v.version) from WorkflowRecord v where v.workflowId = w.workflowId)"
            + " order by w.workflowId")
@NamedQuery(
    name = "WorkflowRecord.findLatest",
    query =
        "select w from WorkflowRecord w where w.workflowId = :workflowId"
            + " order by w.version desc")
@NamedQuery(
    name = "WorkflowRecord.latestVersion",
    query = "select max(w.version) from WorkflowRecord w where w.workflowId = :workflowId")
public class WorkflowRecord {

  @Id
  @Column(name = "workflow_id", length = 100)
  private String workflowId;

  @Id private int version;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(length = 2000)
  private String description;

  @Column(nullable = false, length = 1_000_000)
  private String definition;

  @Column(name = "created_at", nullable = false)
  private long createdAt;

  protected WorkflowRecord() {}

  public WorkflowRecord(WorkflowDefinition workflow, String definitionJson, long createdAt) {
    this.workflowId = workflow.id();
    this.version = workflow.version();
    this.name = workflow.name();
    this.description = workflow.description();
    this.definition = definitionJson;
    this.createdAt = createdAt;
  }

  public String getWorkflowId() {
    return workflowId;
  }

  public int getVersion() {
    return version;
  }

  public String getName() {
    return name;
  }

  public String getDescription() {
    return description;
  }

  public String getDefinition() {
    return definition;
  }

  public long getCreatedAt() {
    return createdAt;
  }

  /** Composite key. */
  public static class Key implements Serializable {
    private String workflowId;
    private int version;

    public Key() {}

    public Key(String workflowId, int version) {
      this.workflowId = workflowId;
      this.version = version;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && workflowId.equals(k.workflowId) && version == k.version;
    }

    @Override
    public int hashCode() {
      return Objects.hash(workflowId, version);
    }
  }
}
