package dev.workflowtracing.workflow.nodes;

import dev.workflowtracing.workflow.engine.execution.Deadline;

/** What an llm node asks a model. */
public record LlmRequest(
    String model, String system, String prompt, long latencyMs, Deadline deadline) {}
