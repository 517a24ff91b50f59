/**
 * Per-node statistics across runs: hourly rollups of each node's executions, outcomes, attempts,
 * durations and usage, added to as runs end ({@link dev.workflowtracing.workflow.run.RunExecuted})
 * and added up per time range for the stats endpoint.
 */
package dev.workflowtracing.stats;
