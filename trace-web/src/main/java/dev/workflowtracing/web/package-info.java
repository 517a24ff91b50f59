/** The REST API (JAX-RS) over the workflow engine and the trace store, and the Canvas it serves. */
package dev.workflowtracing.web;
