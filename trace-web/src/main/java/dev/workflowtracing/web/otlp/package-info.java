/**
 * The OTLP/HTTP trace receiver ({@code POST /v1/traces}): a servlet rather than a JAX-RS resource,
 * because the protocol fixes its own path, authentication (bearer tokens), status codes and
 * response bodies (the request's own encoding), which differ from the API's.
 */
package dev.workflowtracing.web.otlp;
