package dev.workflowtracing.web.problem;

/** A request body over the configured limit; answered 413. */
public class PayloadTooLargeProblem extends RuntimeException {

  public PayloadTooLargeProblem(String message) {
    super(message);
  }

  public PayloadTooLargeProblem(long maxBytes) {
    super(
        "The request body is larger than "
            + maxBytes
            + " bytes (tracing.api.max-request-bytes); send less, e.g. smaller inputs");
  }
}
