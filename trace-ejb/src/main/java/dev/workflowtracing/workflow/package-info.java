/**
 * Workflow definitions: a named, versioned DAG of nodes, parsed from JSON, validated and stored.
 */
package dev.workflowtracing.workflow;
