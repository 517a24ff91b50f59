package dev.workflowtracing.web.problem;

/** A body in a media type or character set the API does not read; answered 415. */
public class UnsupportedMediaTypeProblem extends RuntimeException {

  public UnsupportedMediaTypeProblem(String message) {
    super(message);
  }
}
