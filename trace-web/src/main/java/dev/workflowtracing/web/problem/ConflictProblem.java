package dev.workflowtracing.web.problem;

/** A request that conflicts with the server's state or configuration; answered 409. */
public class ConflictProblem extends RuntimeException {

  public ConflictProblem(String message) {
    super(message);
  }
}
