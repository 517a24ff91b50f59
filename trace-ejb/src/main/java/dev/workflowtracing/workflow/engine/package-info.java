/**
 * The workflow engine: walks a definition in topological order, runs each node with its retry
 * policy and timeout, and traces the run, each node and each attempt through {@code @Traced}.
 */
package dev.workflowtracing.workflow.engine;
