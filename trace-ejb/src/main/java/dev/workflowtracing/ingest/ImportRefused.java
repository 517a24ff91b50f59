package dev.workflowtracing.ingest;

/**
 * A file that cannot be imported, nothing of it stored: it holds a trace that is stored already
 * (imported before), no span at all, or spans the database does not take now or ever. The message
 * says which and what to do.
 */
public final class ImportRefused extends Exception {

  /** Whether the file conflicts with what is stored (409) or is unusable (400). */
  public enum Reason {
    ALREADY_STORED,
    NOTHING_TO_IMPORT,
    /** The database does not answer: try again later (503). */
    UNAVAILABLE,
    /** The database refuses a span of the file for good (400). */
    REFUSED
  }

  private final Reason reason;

  ImportRefused(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
