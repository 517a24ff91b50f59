/**
 * The run queue: runs accepted now and executed later, by whichever server of the cluster has a
 * free session, through a Jakarta Messaging queue on the broker (which is where their count lives
 * too). Above the engine: it hands each taken run to {@link
 * dev.workflowtracing.workflow.engine.execution.WorkflowRunner}, and the engine knows nothing of
 * it.
 */
package dev.workflowtracing.workflow.engine.queue;
