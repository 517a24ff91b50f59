package dev.workflowtracing.spans;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;

/**
 * Where a span comes from: the service that made it (its OpenTelemetry resource, of which {@code
 * service.name} and {@code service.instance.id} are kept apart for display and filtering), the
 * instrumentation scope, and whether it is foreign: made by another service and received over OTLP
 * or imported, rather than by this application's engine.
 */
public record SpanSource(
    String serviceName,
    String serviceInstanceId,
    Attributes resource,
    String scopeName,
    String scopeVersion,
    boolean foreign) {

  public static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
  public static final AttributeKey<String> SERVICE_INSTANCE_ID =
      AttributeKey.stringKey("service.instance.id");

  /** A source of the given resource: its service name and instance id read from it. */
  public static SpanSource of(
      Attributes resource, String scopeName, String scopeVersion, boolean foreign) {
    return new SpanSource(
        resource.get(SERVICE_NAME),
        resource.get(SERVICE_INSTANCE_ID),
        resource,
        scopeName,
        scopeVersion,
        foreign);
  }
}
