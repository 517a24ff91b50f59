package dev.workflowtracing.instrumentation.redaction;

/** What a redacted value reads as, wherever it was redacted (one home, used by every redactor). */
public final class Mask {

  public static final String TEXT = "[REDACTED]";

  private Mask() {}
}
