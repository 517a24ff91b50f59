package dev.workflowtracing.trace;

import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a batch of spans with a given EntityManager, inside the caller's transaction: the whole of
 * what {@link SpanStore} does, kept apart so the persistence benchmark measures this very code.
 */
public final class SpanWriter {

  private SpanWriter() {}

  public static void write(
      EntityManager em,
      Collection<SpanData> spans,
      int maxArtifactLength,
      IndexedAttributes indexed) {
    Set<String> traceIds = new TreeSet<>();
    for (SpanData data : spans) {
      SpanRows rows = SpanRows.of(data, maxArtifactLength, indexed);
      em.persist(rows.span());
      rows.attributes().forEach(em::persist);
      rows.artifacts().forEach(em::persist);
      traceIds.add(data.getTraceId());
    }
    em.flush();
    // Children end (and arrive) before their root, but a retried batch can arrive later: recount.
    em.createNativeQuery(
            "update runs set span_count ="
                + " (select count(*) from spans s where s.trace_id = runs.trace_id)"
                + " where trace_id in (:traceIds)")
        .setParameter("traceIds", traceIds)
        .executeUpdate();
  }
}
