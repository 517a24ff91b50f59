package dev.workflowtracing.accounts;

/** Refused: as many tokens are active as {@code tracing.tokens.max-active} allows. */
public class TooManyTokens extends Exception {
  public TooManyTokens(int max) {
    super(
        max
            + " tokens are active, the most tracing.tokens.max-active allows: revoke one that is"
            + " no longer used");
  }
}
