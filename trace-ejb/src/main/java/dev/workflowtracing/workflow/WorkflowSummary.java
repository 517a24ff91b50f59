package dev.workflowtracing.workflow;

/** A workflow as lists show it: a version, its name and description (a read model). */
public record WorkflowSummary(String id, int version, String name, String description) {

  static WorkflowSummary of(WorkflowRecord record) {
    return new WorkflowSummary(
        record.getWorkflowId(), record.getVersion(), record.getName(), record.getDescription());
  }
}
