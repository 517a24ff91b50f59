package dev.workflowtracing.conventions;

import io.opentelemetry.api.common.AttributeKey;

/**
 * Attribute keys this application puts on its spans. LLM spans also carry the OpenTelemetry GenAI
 * semantic-convention keys ({@code gen_ai.*}).
 */
public final class WorkflowAttributes {

  /** {@link SpanRole#value()}: run, node or attempt. On every span of a workflow trace. */
  public static final AttributeKey<String> SPAN_ROLE = AttributeKey.stringKey("workflow.span.role");

  public static final AttributeKey<String> WORKFLOW_ID = AttributeKey.stringKey("workflow.id");
  public static final AttributeKey<Long> WORKFLOW_VERSION =
      AttributeKey.longKey("workflow.version");
  public static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("workflow.run.id");
  public static final AttributeKey<String> RUN_STATUS =
      AttributeKey.stringKey("workflow.run.status");

  /** True on the spans of a run that was cancelled (on request or by its time limit). */
  public static final AttributeKey<Boolean> RUN_CANCELLED =
      AttributeKey.booleanKey("workflow.run.cancelled");

  public static final AttributeKey<String> RUN_TRIGGER =
      AttributeKey.stringKey("workflow.run.trigger");
  public static final AttributeKey<String> NODE_ID = AttributeKey.stringKey("workflow.node.id");
  public static final AttributeKey<String> NODE_TYPE = AttributeKey.stringKey("workflow.node.type");
  public static final AttributeKey<Long> NODE_ATTEMPT =
      AttributeKey.longKey("workflow.node.attempt");
  public static final AttributeKey<Long> NODE_MAX_ATTEMPTS =
      AttributeKey.longKey("workflow.node.max_attempts");
  public static final AttributeKey<Long> NODE_ATTEMPTS_USED =
      AttributeKey.longKey("workflow.node.attempts");

  public static final AttributeKey<String> GEN_AI_OPERATION =
      AttributeKey.stringKey("gen_ai.operation.name");
  public static final AttributeKey<String> GEN_AI_SYSTEM = AttributeKey.stringKey("gen_ai.system");
  public static final AttributeKey<String> GEN_AI_REQUEST_MODEL =
      AttributeKey.stringKey("gen_ai.request.model");
  public static final AttributeKey<String> GEN_AI_RESPONSE_MODEL =
      AttributeKey.stringKey("gen_ai.response.model");
  public static final AttributeKey<Long> GEN_AI_INPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.input_tokens");
  public static final AttributeKey<Long> GEN_AI_OUTPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.output_tokens");

  /**
   * An attempt's cost in the price table's currency (not in the GenAI conventions, which have no
   * cost; Langfuse and OpenLLMetry use this name).
   */
  public static final AttributeKey<Double> GEN_AI_USAGE_COST =
      AttributeKey.doubleKey("gen_ai.usage.cost");

  /** The same in billionths of the currency, exact: what the run's totals add up. */
  public static final AttributeKey<Long> COST_NANOS = AttributeKey.longKey("workflow.cost.nanos");

  public static final AttributeKey<String> COST_CURRENCY =
      AttributeKey.stringKey("workflow.cost.currency");

  /** On the root span: the run's totals over every attempt (its attempts carry their own). */
  public static final AttributeKey<Long> RUN_INPUT_TOKENS =
      AttributeKey.longKey("workflow.run.input_tokens");

  public static final AttributeKey<Long> RUN_OUTPUT_TOKENS =
      AttributeKey.longKey("workflow.run.output_tokens");

  public static final AttributeKey<Double> RUN_COST = AttributeKey.doubleKey("workflow.run.cost");

  public static final AttributeKey<String> HTTP_METHOD =
      AttributeKey.stringKey("http.request.method");
  public static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
  public static final AttributeKey<Long> HTTP_STATUS =
      AttributeKey.longKey("http.response.status_code");

  private WorkflowAttributes() {}
}
