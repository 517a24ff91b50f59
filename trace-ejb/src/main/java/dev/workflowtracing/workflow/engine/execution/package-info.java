/**
 * Execution of one run: walks a definition in topological order ({@code WorkflowRunner}), runs each
 * node with its retry policy and timeout ({@code NodeExecutor}, {@code AttemptRunner}) and traces
 * the run, each node and each attempt. {@code NodeHandler} and {@code NodeAttempt} are the port the
 * node types implement.
 */
package dev.workflowtracing.workflow.engine.execution;
