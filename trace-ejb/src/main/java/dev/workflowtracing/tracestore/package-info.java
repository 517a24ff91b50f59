/**
 * Trace storage: runs, spans, attributes and artifacts in the application database, and the queries
 * over them.
 */
package dev.workflowtracing.tracestore;
