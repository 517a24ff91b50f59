package dev.workflowtracing.tracestore.read;

import jakarta.persistence.EntityManager;

/** The application's {@link NodeExecutions} outside the container, wired by hand (same package). */
public final class BenchReads {

  private BenchReads() {}

  public static NodeExecutions nodeExecutions(EntityManager em) {
    NodeExecutions executions = new NodeExecutions();
    executions.em = em;
    return executions;
  }
}
