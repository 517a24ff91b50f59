/**
 * The bottom layer: what a workflow trace looks like to everyone who writes or reads one. Span
 * roles, attribute keys, span names and how artifacts ride on span events. Depends on the
 * OpenTelemetry API only.
 */
package dev.workflowtracing.conventions;
