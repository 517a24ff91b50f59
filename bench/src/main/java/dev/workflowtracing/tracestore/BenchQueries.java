package dev.workflowtracing.tracestore;

import dev.workflowtracing.instrumentation.PersistenceSettings;
import jakarta.persistence.EntityManager;
import java.time.Duration;

/**
 * The application's {@link TraceQueries} outside the container, wired by hand as the container
 * would (same package, so the production class needs no constructor for it).
 */
public final class BenchQueries {

  private BenchQueries() {}

  public static TraceQueries create(EntityManager em, String indexedAttributes) {
    TraceQueries queries = new TraceQueries();
    queries.em = em;
    queries.persistence =
        new PersistenceSettings(true, 0, 0, 0, indexedAttributes, false, Duration.ZERO, false);
    queries.readIndexedAttributes();
    return queries;
  }
}
