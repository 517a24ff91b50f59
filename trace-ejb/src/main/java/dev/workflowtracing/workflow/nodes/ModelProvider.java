package dev.workflowtracing.workflow.nodes;

import dev.workflowtracing.workflow.engine.execution.NodeExecutionException;

/** A source of model completions: the built-in simulation or an OpenAI-compatible endpoint. */
public interface ModelProvider {

  /** The {@code gen_ai.system} value, e.g. "simulated" or "openai". */
  String system();

  LlmReply complete(LlmRequest request) throws NodeExecutionException;
}
