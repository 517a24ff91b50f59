/**
 * The OTLP trace format, both ways: requests of the OTLP/HTTP receiver and imported files (protobuf
 * and JSON) into {@code FinishedSpan}s, and a stored trace out as OTLP JSON. Knows the format only:
 * what is stored, and who may send it, is decided above.
 */
package dev.workflowtracing.otlp;
