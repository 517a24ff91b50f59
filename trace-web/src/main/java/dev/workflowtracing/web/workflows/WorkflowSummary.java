package dev.workflowtracing.web.workflows;

import dev.workflowtracing.workflow.WorkflowRecord;

/** A workflow in the list: its latest version. */
public record WorkflowSummary(String id, int version, String name, String description) {

  static WorkflowSummary of(WorkflowRecord record) {
    return new WorkflowSummary(
        record.getWorkflowId(), record.getVersion(), record.getName(), record.getDescription());
  }
}
