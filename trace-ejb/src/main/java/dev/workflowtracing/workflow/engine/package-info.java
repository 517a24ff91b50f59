/**
 * The workflow engine's entry point: {@code WorkflowService} starts a run (now, or as the queue
 * hands it over) and cancels one, with control and execution in the packages below it.
 */
package dev.workflowtracing.workflow.engine;
