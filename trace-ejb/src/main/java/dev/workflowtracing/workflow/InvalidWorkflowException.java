package dev.workflowtracing.workflow;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** A workflow definition that cannot be run; {@link #problems()} says every reason found. */
@ApplicationException
public class InvalidWorkflowException extends RuntimeException {

  private final List<String> problems;

  public InvalidWorkflowException(List<String> problems) {
    super("Invalid workflow definition: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
