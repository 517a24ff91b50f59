package dev.workflowtracing.web.security;

/**
 * The application's roles. Users hold the roles they may act in: a runner also holds viewer, an
 * admin all three (config/cli/add-users.sh).
 */
public final class Roles {

  /** Reads workflows and traces. */
  public static final String VIEWER = "viewer";

  /** Also runs workflows. */
  public static final String RUNNER = "runner";

  /** Also saves workflows, deletes traces and sees the effective configuration. */
  public static final String ADMIN = "admin";

  private Roles() {}
}
