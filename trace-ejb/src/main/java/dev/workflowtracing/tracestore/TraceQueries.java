package dev.workflowtracing.tracestore;

import dev.workflowtracing.instrumentation.PersistenceSettings;
import dev.workflowtracing.json.JsonFactory;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads stored traces: one trace as a tree, one span with its artifacts, lists of runs. */
@Stateless
public class TraceQueries {

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

  /** A page of the runs that pass the filter, in the order, after the position. */
  public RunPage runs(RunFilter filter, RunOrder order, Optional<RunPosition> after, int limit) {
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
    if (filter.attributeKey().isPresent()) {
      String key = filter.attributeKey().get();
      String value = filter.attributeValue().orElse("");
      if (indexed.contains(key)) {
        where(
            jpql,
            parameters,
            " and exists (select 1 from SpanAttributeRecord a where a.traceId = r.traceId"
                + " and a.key = :attrKey and a.value = :attrValue)",
            "attrKey",
            key);
        parameters.put("attrValue", value);
      } else {
        // Not indexed: match the attribute as the span's JSON writes it, as a string or, for
        // numbers and booleans, as a literal ended by the next pair or the object's end (so
        // 20 does not match 200).
        where(
            jpql,
            parameters,
            " and exists (select 1 from SpanRecord s where s.traceId = r.traceId"
                + " and (s.attributes like :attrText escape '!'"
                + " or s.attributes like :attrLiteralThenNext escape '!'"
                + " or s.attributes like :attrLiteralAtEnd escape '!'))",
            "attrText",
            "%" + escapeLike(jsonPair(key, JsonFactory.createValue(value))) + "%");
        String literal = escapeLike(jsonPair(key, null) + value);
        parameters.put("attrLiteralThenNext", "%" + literal + ",%");
        parameters.put("attrLiteralAtEnd", "%" + literal + "}");
      }
    }
    filter
        .nameContains()
        .ifPresent(
            v ->
                where(
                    jpql,
                    parameters,
                    " and exists (select 1 from SpanRecord s where s.traceId = r.traceId"
                        + " and lower(s.name) like :name escape '!')",
                    "name",
                    "%" + escapeLike(v.toLowerCase(Locale.ROOT)) + "%"));
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
    // One more than asked tells whether a next page exists.
    List<RunRecord> rows = query.setMaxResults(limit + 1).getResultList();
    boolean more = rows.size() > limit;
    List<RunRecord> page = more ? rows.subList(0, limit) : rows;
    return new RunPage(
        List.copyOf(page),
        more ? Optional.of(RunPosition.of(page.get(page.size() - 1), order)) : Optional.empty());
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

  /**
   * {@code "key":value} exactly as the span's attribute JSON writes it; no value: {@code "key":}.
   */
  static String jsonPair(String key, JsonValue value) {
    String pair =
        JsonFactory.createObjectBuilder()
            .add(key, value == null ? JsonValue.NULL : value)
            .build()
            .toString();
    // {"key":value} without the braces; without a value, up to and including the colon.
    String inner = pair.substring(1, pair.length() - 1);
    return value == null ? inner.substring(0, inner.length() - "null".length()) : inner;
  }

  /** Makes LIKE's wildcards in user text literal ('!' is the escape character). */
  static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
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
                + " s.startNanos, s.endNanos, s.nodeId, s.role from SpanRecord s"
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
                    "[]"))
        .toList();
  }

  public Optional<RunRecord> runOfTrace(String traceId) {
    return em.createNamedQuery("RunRecord.findByTraceId", RunRecord.class)
        .setParameter("traceId", traceId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** Whether a run of this trace is stored (one indexed lookup, no row loaded). */
  public boolean traceStored(String traceId) {
    return !em.createNamedQuery("RunRecord.idOfTrace", String.class)
        .setParameter("traceId", traceId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
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
}
