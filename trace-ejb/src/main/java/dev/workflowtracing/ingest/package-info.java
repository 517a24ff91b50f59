/**
 * Spans other services send (the OTLP/HTTP receiver) and traces loaded from OTLP files: decoded by
 * {@code otlp}, redacted by the same rules as our own spans, admitted within bounds and written
 * through the same storage port. Nothing is acknowledged before it is stored.
 */
package dev.workflowtracing.ingest;
