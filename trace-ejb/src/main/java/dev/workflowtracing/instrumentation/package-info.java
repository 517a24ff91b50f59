/**
 * Tracing: the {@link dev.workflowtracing.instrumentation.Traced} interceptor binding, the
 * OpenTelemetry SDK built from MicroProfile Config, and the exporter that persists spans in the
 * application database.
 */
package dev.workflowtracing.instrumentation;
