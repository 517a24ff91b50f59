/** The node types: one {@link dev.workflowtracing.workflow.engine.NodeHandler} each. */
package dev.workflowtracing.workflow.nodes;
