package dev.workflowtracing.workflow.nodes;

/** A model's answer with its token usage. */
public record LlmReply(String text, String model, long inputTokens, long outputTokens) {}
