package dev.workflowtracing.otlp;

/** A body that is not an OTLP trace request at all; the message says what is wrong and where. */
public final class InvalidOtlpException extends IllegalArgumentException {

  public InvalidOtlpException(String message) {
    super(message);
  }
}
