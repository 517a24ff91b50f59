package dev.workflowtracing.tracestore;

import dev.workflowtracing.conventions.SpanRole;
import dev.workflowtracing.conventions.WorkflowAttributes;
import dev.workflowtracing.json.JsonText;
import dev.workflowtracing.workflow.run.RunUsage;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * A run's usage added up from its stored attempt spans: for a run that ended without its engine
 * (aborted when its server stopped), whose totals are then those of the calls whose spans were
 * stored, as for every other run. Which attempts failed is not told by this sum.
 */
public final class StoredUsage {

  /** Beyond this many attempt spans the rest is not read (a run's spans are bounded far lower). */
  private static final int MAX_ATTEMPTS = 100_000;

  private StoredUsage() {}

  public static RunUsage of(EntityManager em, String traceId) {
    if (traceId == null) {
      return RunUsage.NONE;
    }
    List<String> attributes =
        em.createQuery(
                "select s.attributes from SpanRecord s where s.traceId = :traceId"
                    + " and s.role = :role",
                String.class)
            .setParameter("traceId", traceId)
            .setParameter("role", SpanRole.ATTEMPT.value())
            .setMaxResults(MAX_ATTEMPTS)
            .getResultList();
    long input = 0;
    long output = 0;
    Long cost = null;
    for (String text : attributes) {
      if (!(JsonText.parse(text) instanceof JsonObject attribute)) {
        continue;
      }
      input += number(attribute, WorkflowAttributes.GEN_AI_INPUT_TOKENS.getKey());
      output += number(attribute, WorkflowAttributes.GEN_AI_OUTPUT_TOKENS.getKey());
      if (attribute.get(WorkflowAttributes.COST_NANOS.getKey()) instanceof JsonNumber nanos) {
        cost = (cost == null ? 0 : cost) + nanos.longValue();
      }
    }
    return input + output == 0 && cost == null
        ? RunUsage.NONE
        : new RunUsage(input, output, cost, 0, 0);
  }

  private static long number(JsonObject attributes, String key) {
    JsonValue value = attributes.get(key);
    return value instanceof JsonNumber n ? n.longValue() : 0;
  }
}
