/**
 * A finished span as this application stores, reads and exports it, whichever way it came: from our
 * own tracer or from a service that sent it over OTLP. The storage port takes this type, not the
 * SDK's {@code SpanData}, so both paths write through one port. Depends on the OpenTelemetry API
 * only.
 */
package dev.workflowtracing.spans;
