package dev.workflowtracing.tracestore;

import dev.workflowtracing.conventions.WorkflowAttributes;
import dev.workflowtracing.json.JsonFactory;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The parts of a run filter that some span of the run's trace must match (an attribute, a name),
 * asked of a bounded set of candidate traces at a time: one indexed probe per trace, where a
 * correlated EXISTS let PostgreSQL's planner scan every span of every partition instead. Built from
 * fixed JPQL with every value a bound parameter.
 */
final class SpanMatch {

  private final List<Condition> conditions;

  private record Condition(String jpql, Map<String, Object> parameters) {}

  private SpanMatch(List<Condition> conditions) {
    this.conditions = conditions;
  }

  static SpanMatch of(RunFilter filter, IndexedAttributes indexed) {
    List<Condition> conditions = new ArrayList<>();
    if (filter.attributeKey().isPresent()) {
      String key = filter.attributeKey().get();
      String value = filter.attributeValue().orElse("");
      Condition column = ColumnCondition.of(key, value);
      if (column != null) {
        conditions.add(column);
      } else if (indexed.contains(key)) {
        conditions.add(
            new Condition(
                "select distinct a.traceId from SpanAttributeRecord a where a.traceId in :traces"
                    + " and a.key = :attrKey and a.value = :attrValue",
                Map.of("attrKey", key, "attrValue", value)));
      } else {
        // Not indexed: match the attribute as the span's JSON writes it, as a string or, for
        // numbers and booleans, as a literal ended by the next pair or the object's end (so
        // 20 does not match 200).
        String literal = escapeLike(jsonPair(key, null) + value);
        conditions.add(
            new Condition(
                "select distinct s.traceId from SpanRecord s where s.traceId in :traces"
                    + " and (s.attributes like :attrText escape '!'"
                    + " or s.attributes like :attrLiteralThenNext escape '!'"
                    + " or s.attributes like :attrLiteralAtEnd escape '!')",
                Map.of(
                    "attrText",
                    "%" + escapeLike(jsonPair(key, JsonFactory.createValue(value))) + "%",
                    "attrLiteralThenNext",
                    "%" + literal + ",%",
                    "attrLiteralAtEnd",
                    "%" + literal + "}")));
      }
    }
    filter
        .nameContains()
        .ifPresent(
            name ->
                conditions.add(
                    new Condition(
                        "select distinct s.traceId from SpanRecord s where s.traceId in :traces"
                            + " and lower(s.name) like :name escape '!'",
                        Map.of("name", "%" + escapeLike(name.toLowerCase(Locale.ROOT)) + "%"))));
    return new SpanMatch(List.copyOf(conditions));
  }

  /**
   * The engine's own attributes that are columns of the span row (schema versions 6 and 20): an
   * equality on the column, where the attribute JSON would need LIKE. A version that is not a whole
   * number matches nothing, as it matches no stored span.
   */
  private static final class ColumnCondition {

    private static final String SELECT =
        "select distinct s.traceId from SpanRecord s where s.traceId in :traces and ";

    static Condition of(String key, String value) {
      if (key.equals(WorkflowAttributes.NODE_ID.getKey())) {
        return new Condition(SELECT + "s.nodeId = :column", Map.of("column", value));
      }
      if (key.equals(WorkflowAttributes.SPAN_ROLE.getKey())) {
        return new Condition(SELECT + "s.role = :column", Map.of("column", value));
      }
      if (key.equals(WorkflowAttributes.WORKFLOW_ID.getKey())) {
        return new Condition(SELECT + "s.workflowId = :column", Map.of("column", value));
      }
      if (key.equals(WorkflowAttributes.WORKFLOW_VERSION.getKey())) {
        int version;
        try {
          version = Integer.parseInt(value);
        } catch (NumberFormatException e) {
          version = -1;
        }
        return new Condition(SELECT + "s.workflowVersion = :column", Map.of("column", version));
      }
      return null;
    }
  }

  /** Whether the filter asks nothing of spans. */
  boolean isEmpty() {
    return conditions.isEmpty();
  }

  /** Those of the traces that have a span matching every condition. */
  Set<String> matchingTraces(EntityManager em, Collection<String> traceIds) {
    Set<String> matching = new HashSet<>(traceIds);
    for (Condition condition : conditions) {
      if (matching.isEmpty()) {
        break;
      }
      TypedQuery<String> query = em.createQuery(condition.jpql(), String.class);
      condition.parameters().forEach(query::setParameter);
      matching.retainAll(query.setParameter("traces", List.copyOf(matching)).getResultList());
    }
    return matching;
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
}
