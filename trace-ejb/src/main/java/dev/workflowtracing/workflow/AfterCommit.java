package dev.workflowtracing.workflow;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;

/** Runs an action once the transaction it is registered with has committed, and not otherwise. */
final class AfterCommit implements Synchronization {

  private final Runnable action;

  AfterCommit(Runnable action) {
    this.action = action;
  }

  @Override
  public void beforeCompletion() {}

  @Override
  public void afterCompletion(int status) {
    if (status == Status.STATUS_COMMITTED) {
      action.run();
    }
  }
}
