package dev.workflowtracing.web.problem;

/** A request parameter or body that cannot be used; answered 400 with the message as detail. */
public class BadRequestProblem extends RuntimeException {

  public BadRequestProblem(String message) {
    super(message);
  }
}
