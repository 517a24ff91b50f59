/**
 * Run comparison: two stored runs of one workflow (any versions) aligned node by node, by node id,
 * with what each node did on both sides and the differences, and a line diff of a node's texts. It
 * reads the trace store and the workflow catalog; nothing is kept.
 */
package dev.workflowtracing.compare;
