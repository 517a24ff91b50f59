package dev.workflowtracing.web.problem;

/** The addressed resource does not exist; answered 404 with the message as detail. */
public class NotFoundProblem extends RuntimeException {

  public NotFoundProblem(String message) {
    super(message);
  }
}
