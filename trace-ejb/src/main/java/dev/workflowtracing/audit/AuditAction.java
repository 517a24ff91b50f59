package dev.workflowtracing.audit;

import java.util.Arrays;
import java.util.Optional;

/** What an audited action is, by the name the trail stores and filters by. */
public enum AuditAction {
  TRACE_DELETED("trace.deleted"),
  TRACES_IMPORTED("traces.imported"),
  TRACES_PURGED("traces.purged"),
  RECORDING_PAUSED("recording.paused"),
  RECORDING_RESUMED("recording.resumed"),
  WORKFLOW_SAVED("workflow.saved"),
  RUN_CANCELLED("run.cancelled"),
  LOGIN_FAILED("login.failed"),
  LOGGED_IN("login"),
  LOGGED_OUT("logout"),
  TOKEN_CREATED("token.created"),
  TOKEN_REVOKED("token.revoked"),
  ARTIFACTS_OPENED("artifacts.opened");

  private final String id;

  AuditAction(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<AuditAction> of(String id) {
    return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
  }
}
