/**
 * Read models: immutable views of runs, traces, spans and artifacts, built from the stored rows by
 * {@link dev.workflowtracing.tracestore.read.TraceReader}. The API serialises them as they are;
 * nothing outside the trace store sees an entity.
 */
package dev.workflowtracing.tracestore.read;
