package dev.workflowtracing.tracestore;

import dev.workflowtracing.instrumentation.PersistenceSettings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Reads stored traces: one trace as a tree, one span with its artifacts, lists of runs. */
@Stateless
public class TraceQueries {

  /** The most runs whose spans a span filter asks about at once. */
  static final int CANDIDATES = 1_000;

  /** The most runs a span filter looks at for one page. */
  static final int MAX_CANDIDATES = 5_000;

  @PersistenceContext EntityManager em;

  @Inject PersistenceSettings persistence;

  private IndexedAttributes indexed;

  @PostConstruct
  void readIndexedAttributes() {
    indexed = IndexedAttributes.parse(persistence.indexedAttributes());
  }

  /**
   * Runs matching the filter, newest first, at most {@code limit}, after {@code after}. Built from
   * fixed JPQL fragments with every value a bound parameter.
   */
  public RunPage runs(RunFilter filter, Optional<RunPosition> after, int limit) {
    return runs(filter, RunOrder.NEWEST_FIRST, after, limit);
  }

  /**
   * A page of the runs that pass the filter, in the order, after the position. A filter on spans
   * (attribute, name) is asked of the runs the other filters pass a batch at a time (first as many
   * as the page holds, then twice as many each time up to {@value #CANDIDATES}), and at most
   * {@value #MAX_CANDIDATES} runs are looked at for one page: a filter that few runs match answers
   * fewer than {@code limit} runs and a position to go on from, instead of reading the whole store
   * in one request.
   */
  public RunPage runs(RunFilter filter, RunOrder order, Optional<RunPosition> after, int limit) {
    SpanMatch spans = SpanMatch.of(filter, indexed);
    if (spans.isEmpty()) {
      List<RunRecord> rows = runRows(filter, order, after, limit + 1);
      return rows.size() > limit
          ? pageEndingAt(rows.subList(0, limit), order)
          : new RunPage(List.copyOf(rows), Optional.empty());
    }
    List<RunRecord> found = new ArrayList<>();
    Optional<RunPosition> scanned = after;
    int looked = 0;
    int batch = limit + 1;
    while (looked < MAX_CANDIDATES) {
      List<RunRecord> candidates = runRows(filter, order, scanned, batch);
      // A run without a trace (recorded while tracing was off) has no span to match.
      List<String> traces =
          candidates.stream().map(RunRecord::getTraceId).filter(Objects::nonNull).toList();
      Set<String> matching = traces.isEmpty() ? Set.of() : spans.matchingTraces(em, traces);
      for (RunRecord candidate : candidates) {
        if (candidate.getTraceId() != null && matching.contains(candidate.getTraceId())) {
          if (found.size() == limit) {
            return pageEndingAt(found, order); // one more exists: the next page starts there
          }
          found.add(candidate);
        }
        scanned = Optional.of(RunPosition.of(candidate, order));
        looked++;
      }
      if (candidates.size() < batch) {
        return new RunPage(List.copyOf(found), Optional.empty());
      }
      batch = Math.min(CANDIDATES, 2 * batch);
    }
    return new RunPage(List.copyOf(found), scanned);
  }

  private static RunPage pageEndingAt(List<RunRecord> page, RunOrder order) {
    return new RunPage(
        List.copyOf(page), Optional.of(RunPosition.of(page.get(page.size() - 1), order)));
  }

  /** Up to {@code most} runs passing the filter's run columns, in the order, after the position. */
  private List<RunRecord> runRows(
      RunFilter filter, RunOrder order, Optional<RunPosition> after, int most) {
    StringBuilder jpql = new StringBuilder("select r from RunRecord r where 1 = 1");
    Map<String, Object> parameters = new HashMap<>();
    filter
        .workflowId()
        .ifPresent(
            v -> where(jpql, parameters, " and r.workflowId = :workflowId", "workflowId", v));
    filter.status().ifPresent(v -> where(jpql, parameters, " and r.status = :status", "status", v));
    filter
        .fromMillis()
        .ifPresent(v -> where(jpql, parameters, " and r.startedAt >= :from", "from", v));
    filter.toMillis().ifPresent(v -> where(jpql, parameters, " and r.startedAt < :to", "to", v));
    filter
        .minDurationMs()
        .ifPresent(
            v -> where(jpql, parameters, " and r.durationMs >= :minDuration", "minDuration", v));
    filter
        .maxDurationMs()
        .ifPresent(
            v -> where(jpql, parameters, " and r.durationMs <= :maxDuration", "maxDuration", v));
    filter
        .minCostNanos()
        .ifPresent(v -> where(jpql, parameters, " and r.costNanos >= :minCost", "minCost", v));
    filter
        .minTokens()
        .ifPresent(
            v -> where(jpql, parameters, " and r.totalTokens >= :minTokens", "minTokens", v));
    after.ifPresent(
        p -> {
          jpql.append(" and (")
              .append(order.key())
              .append(" < :afterKey or (")
              .append(order.key())
              .append(" = :afterKey and r.runId < :afterRunId))");
          parameters.put("afterKey", p.key());
          parameters.put("afterRunId", p.runId());
        });
    jpql.append(" order by ").append(order.key()).append(" desc, r.runId desc");
    TypedQuery<RunRecord> query = em.createQuery(jpql.toString(), RunRecord.class);
    parameters.forEach(query::setParameter);
    return query.setMaxResults(most).getResultList();
  }

  private static void where(
      StringBuilder jpql,
      Map<String, Object> parameters,
      String clause,
      String name,
      Object value) {
    jpql.append(clause);
    parameters.put(name, value);
  }

  public List<SpanRecord> spans(String traceId) {
    return em.createNamedQuery("SpanRecord.findByTrace", SpanRecord.class)
        .setParameter("traceId", traceId)
        .getResultList();
  }

  /** Characters of the trace's stored attributes and events: most of what reading it costs. */
  public long detailChars(String traceId) {
    Long chars =
        em.createQuery(
                "select sum(length(s.attributes) + length(s.events)) from SpanRecord s"
                    + " where s.traceId = :traceId",
                Long.class)
            .setParameter("traceId", traceId)
            .getSingleResult();
    return chars == null ? 0 : chars;
  }

  /**
   * The trace's spans without their attributes, events and links (read as empty), for a trace too
   * big to read whole; in the same order as {@link #spans}.
   */
  public List<SpanRecord> spansWithoutDetails(String traceId) {
    return em.createQuery(
            "select s.spanId, s.parentSpanId, s.name, s.kind, s.statusCode, s.statusMessage,"
                + " s.startNanos, s.endNanos, s.nodeId, s.role, s.source.serviceName,"
                + " s.source.serviceInstanceId, s.source.foreign from SpanRecord s"
                + " where s.traceId = :traceId "
                + SpanRecord.TRACE_ORDER,
            Object[].class)
        .setParameter("traceId", traceId)
        .getResultStream()
        .map(
            c ->
                new SpanRecord(
                    traceId,
                    (String) c[0],
                    (String) c[1],
                    (String) c[2],
                    (String) c[3],
                    (String) c[4],
                    (String) c[5],
                    (Long) c[6],
                    (Long) c[7],
                    (String) c[8],
                    (String) c[9],
                    "{}",
                    "[]",
                    "[]",
                    new StoredSource(
                        (String) c[10], (String) c[11], null, null, null, (Boolean) c[12])))
        .toList();
  }

  public Optional<RunRecord> runOfTrace(String traceId) {
    return em.createNamedQuery("RunRecord.findByTraceId", RunRecord.class)
        .setParameter("traceId", traceId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /**
   * The foreign spans counted on the run of this trace, or empty when no run of it is stored (one
   * indexed lookup): what a cached trace is checked against.
   */
  public Optional<Integer> foreignSpansOfStoredTrace(String traceId) {
    return em.createNamedQuery("RunRecord.foreignSpansOfTrace", Integer.class)
        .setParameter("traceId", traceId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  public Optional<RunRecord> run(String runId) {
    return Optional.ofNullable(em.find(RunRecord.class, runId));
  }

  public long traceStartNanos(String traceId) {
    Long start =
        em.createQuery(
                "select min(s.startNanos) from SpanRecord s where s.traceId = :traceId", Long.class)
            .setParameter("traceId", traceId)
            .getSingleResult();
    return start == null ? 0 : start;
  }

  public Optional<SpanRecord> span(String traceId, String spanId) {
    return Optional.ofNullable(em.find(SpanRecord.class, new SpanRecord.Key(traceId, spanId)));
  }

  /**
   * A span's artifacts: read on their own, as the span entity does not map them (a whole trace is
   * read without its prompts and responses).
   */
  public List<StoredArtifact> artifacts(String traceId, String spanId) {
    List<?> column =
        em.createNativeQuery("select artifacts from spans where trace_id = ?1 and span_id = ?2")
            .setParameter(1, traceId)
            .setParameter(2, spanId)
            .getResultList();
    return column.isEmpty() ? List.of() : StoredArtifact.fromJson((String) column.get(0));
  }

  /** The artifacts of every span of a trace that has any, by span id (one query). */
  public java.util.Map<String, List<StoredArtifact>> artifactsOfTrace(String traceId) {
    java.util.Map<String, List<StoredArtifact>> bySpan = new java.util.HashMap<>();
    List<?> rows =
        em.createNativeQuery(
                "select span_id, artifacts from spans where trace_id = ?1"
                    + " and artifacts is not null and artifacts <> '[]'")
            .setParameter(1, traceId)
            .getResultList();
    for (Object row : rows) {
      Object[] columns = (Object[]) row;
      bySpan.put((String) columns[0], StoredArtifact.fromJson((String) columns[1]));
    }
    return bySpan;
  }

  /**
   * Root spans of traces made only of foreign spans, newest first, in [fromNanos, toNanos), of one
   * service or any: trace id, name, service, start, end (one indexed range scan; a trace whose root
   * never arrived is not among them).
   */
  public List<Object[]> foreignRoots(String service, long fromNanos, long toNanos, int limit) {
    var query =
        em.createQuery(
                "select s.traceId, s.name, s.source.serviceName, s.startNanos, s.endNanos"
                    + " from SpanRecord s where s.source.foreign = true and s.parentSpanId is null"
                    + " and s.startNanos >= :from and s.startNanos < :to"
                    + (service == null ? "" : " and s.source.serviceName = :service")
                    + " and not exists (select r.runId from RunRecord r where r.traceId = s.traceId)"
                    + " order by s.startNanos desc",
                Object[].class)
            .setParameter("from", fromNanos)
            .setParameter("to", toNanos)
            .setMaxResults(limit);
    if (service != null) {
      query.setParameter("service", service);
    }
    return query.getResultList();
  }

  /** Spans and errors of each trace: trace id, count, errors. */
  public List<Object[]> spanAndErrorCounts(java.util.Collection<String> traceIds) {
    if (traceIds.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select s.traceId, count(s), sum(case when s.statusCode = 'ERROR' then 1 else 0 end)"
                + " from SpanRecord s where s.traceId in :ids group by s.traceId",
            Object[].class)
        .setParameter("ids", traceIds)
        .getResultList();
  }
}
