package dev.workflowtracing.workflow.run;

/**
 * A run this server executed has ended, with each executed node's figures: what the per-node
 * statistics are kept from. Published after the run's {@link RunEvent.RunEnded}, once per run, by
 * the server that executed it (a run cancelled while queued or aborted executed no node here).
 */
public record RunExecuted(RunResult run) {}
