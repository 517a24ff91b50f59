/**
 * Redaction: rules from MicroProfile Config ({@code tracing.redaction.*}) applied once to every
 * finished span before any exporter sees it, and to the run inputs and outputs the API stores.
 */
package dev.workflowtracing.instrumentation.redaction;
