package dev.workflowtracing.web.audit;

import dev.workflowtracing.audit.AuditAction;
import dev.workflowtracing.audit.AuditStats;
import dev.workflowtracing.audit.AuditTrail;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.logging.Logger;

/**
 * Writes this request's audited action to the trail, with who (the logged-in user) and from where
 * (the client's address). Called once the action succeeded; a row that cannot be written is counted
 * and logged, never fails the action.
 */
@RequestScoped
public class AuditLog {

  private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());

  @EJB AuditTrail trail;
  @Inject AuditStats stats;
  @Inject HttpServletRequest request;

  public void record(AuditAction action, String target, String detail) {
    recordAs(actor(), action, target, detail);
  }

  /** Who is logged in on this request, or {@code (anonymous)}. */
  public String actor() {
    return request.getUserPrincipal() == null
        ? "(anonymous)"
        : request.getUserPrincipal().getName();
  }

  /** The same for an actor who is not logged in (a failed login names the account it tried). */
  public void recordAs(String actor, AuditAction action, String target, String detail) {
    try {
      trail.record(action, actor, request.getRemoteAddr(), target, detail);
      stats.written();
    } catch (RuntimeException e) {
      stats.dropped();
      LOG.warning(
          () ->
              "Audit row not written: "
                  + action.id()
                  + " of "
                  + target
                  + " by "
                  + actor
                  + ": "
                  + e);
    }
  }
}
