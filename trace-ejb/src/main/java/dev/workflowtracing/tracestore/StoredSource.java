package dev.workflowtracing.tracestore;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A stored span's source ({@code SpanSource}): service, instance, scope, and whether it is foreign.
 * The resource's other attributes are JSON text, kept for foreign spans only (ours are the same on
 * every span of a server).
 */
@Embeddable
public class StoredSource {

  @Column(name = "service_name", length = 255)
  private String serviceName;

  @Column(name = "service_instance_id", length = 255)
  private String serviceInstanceId;

  @Column(name = "scope_name", length = 255)
  private String scopeName;

  @Column(name = "scope_version", length = 100)
  private String scopeVersion;

  @Column(name = "resource", length = 100_000)
  private String resource;

  @Column(name = "foreign_span", nullable = false)
  private boolean foreign;

  protected StoredSource() {}

  public StoredSource(
      String serviceName,
      String serviceInstanceId,
      String scopeName,
      String scopeVersion,
      String resource,
      boolean foreign) {
    this.serviceName = serviceName;
    this.serviceInstanceId = serviceInstanceId;
    this.scopeName = scopeName;
    this.scopeVersion = scopeVersion;
    this.resource = resource;
    this.foreign = foreign;
  }

  public String getServiceName() {
    return serviceName;
  }

  public String getServiceInstanceId() {
    return serviceInstanceId;
  }

  public String getScopeName() {
    return scopeName;
  }

  public String getScopeVersion() {
    return scopeVersion;
  }

  /** JSON object text, or null (our own spans). */
  public String getResource() {
    return resource;
  }

  public boolean isForeign() {
    return foreign;
  }
}
