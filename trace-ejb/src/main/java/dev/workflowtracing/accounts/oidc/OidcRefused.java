package dev.workflowtracing.accounts.oidc;

/**
 * A sign-in or a provider token that cannot be accepted, with what to do about it. {@code
 * unavailable}: the provider could not be reached (503), not the user's fault.
 */
public class OidcRefused extends Exception {

  private final boolean unavailable;

  public OidcRefused(String message) {
    this(message, false);
  }

  public OidcRefused(String message, boolean unavailable) {
    super(message);
    this.unavailable = unavailable;
  }

  public boolean unavailable() {
    return unavailable;
  }
}
