package dev.workflowtracing.workflow.run;

/** What an ABORTED run's error says: which server stopped while it ran, and what that means. */
public final class AbortReason {

  private AbortReason() {}

  /** The run's server ({@code service.instance.id}, or "an unnamed server") stopped mid-run. */
  public static String serverStopped(String server) {
    return "Aborted: the server executing this run ("
        + (server == null ? "an unnamed server" : server)
        + ") stopped (crashed or was killed) before the run ended. Spans that had not ended by"
        + " then were never recorded.";
  }
}
