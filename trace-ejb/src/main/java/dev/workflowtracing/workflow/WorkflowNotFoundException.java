package dev.workflowtracing.workflow;

import jakarta.ejb.ApplicationException;

/** No workflow with the requested id (and version). */
@ApplicationException
public class WorkflowNotFoundException extends RuntimeException {

  public WorkflowNotFoundException(String workflowId) {
    super("No workflow with id \"" + workflowId + "\"");
  }
}
