/** The node types: one {@link dev.workflowtracing.workflow.engine.execution.NodeHandler} each. */
package dev.workflowtracing.workflow.nodes;
