package dev.workflowtracing.tracestore;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One stored span. Attributes, events and links are JSON text. Its row also holds its artifacts
 * ({@link StoredArtifact}), not mapped here so that reading a whole trace leaves them in the table.
 */
@Entity
@Table(name = "spans")
@IdClass(SpanRecord.Key.class)
@NamedQuery(
    name = "SpanRecord.findByTrace",
    query = "select s from SpanRecord s where s.traceId = :traceId " + SpanRecord.TRACE_ORDER)
@NamedQuery(
    name = "SpanRecord.countByTrace",
    query = "select count(s) from SpanRecord s where s.traceId = :traceId")
public class SpanRecord {

  /** The order a trace's spans are read in (JPQL, alias {@code s}). */
  public static final String TRACE_ORDER = "order by s.startNanos, s.spanId";

  @Id
  @Column(name = "trace_id", length = 32)
  private String traceId;

  @Id
  @Column(name = "span_id", length = 16)
  private String spanId;

  @Column(name = "parent_span_id", length = 16)
  private String parentSpanId;

  @Column(nullable = false, length = 500)
  private String name;

  @Column(nullable = false, length = 16)
  private String kind;

  @Column(name = "status_code", nullable = false, length = 8)
  private String statusCode;

  @Column(name = "status_message", length = 2000)
  private String statusMessage;

  @Column(name = "start_nanos", nullable = false)
  private long startNanos;

  @Column(name = "end_nanos", nullable = false)
  private long endNanos;

  @Column(name = "node_id", length = 100)
  private String nodeId;

  /** {@code SpanRole.value()}: run, node or attempt; null for a span from elsewhere. */
  @Column(name = "span_role", length = 16)
  private String role;

  /** The workflow and version the engine ran this span for; null for a span from elsewhere. */
  @Column(name = "workflow_id", length = 100)
  private String workflowId;

  @Column(name = "workflow_version")
  private Integer workflowVersion;

  @Column(nullable = false, length = 1_000_000)
  private String attributes;

  @Column(nullable = false, length = 1_000_000)
  private String events;

  @Column(nullable = false, length = 100_000)
  private String links;

  @Embedded private StoredSource source;

  protected SpanRecord() {}

  @SuppressWarnings("java:S107") // a span simply has this many fields
  public SpanRecord(
      String traceId,
      String spanId,
      String parentSpanId,
      String name,
      String kind,
      String statusCode,
      String statusMessage,
      long startNanos,
      long endNanos,
      String nodeId,
      String role,
      String attributes,
      String events,
      String links,
      StoredSource source) {
    this.traceId = traceId;
    this.spanId = spanId;
    this.parentSpanId = parentSpanId;
    this.name = name;
    this.kind = kind;
    this.statusCode = statusCode;
    this.statusMessage = statusMessage;
    this.startNanos = startNanos;
    this.endNanos = endNanos;
    this.nodeId = nodeId;
    this.role = role;
    this.attributes = attributes;
    this.events = events;
    this.links = links;
    this.source = source;
  }

  /**
   * Places the span in its workflow and version (schema version 20): what a node's executions
   * across runs are looked up by, with its node id and role.
   */
  public SpanRecord inWorkflow(String id, Integer version) {
    this.workflowId = id;
    this.workflowVersion = version;
    return this;
  }

  public String getRole() {
    return role;
  }

  public String getWorkflowId() {
    return workflowId;
  }

  public Integer getWorkflowVersion() {
    return workflowVersion;
  }

  public String getTraceId() {
    return traceId;
  }

  public String getSpanId() {
    return spanId;
  }

  public String getParentSpanId() {
    return parentSpanId;
  }

  public String getName() {
    return name;
  }

  public String getKind() {
    return kind;
  }

  public String getStatusCode() {
    return statusCode;
  }

  public String getStatusMessage() {
    return statusMessage;
  }

  public long getStartNanos() {
    return startNanos;
  }

  public long getEndNanos() {
    return endNanos;
  }

  public String getNodeId() {
    return nodeId;
  }

  public String getAttributes() {
    return attributes;
  }

  public String getEvents() {
    return events;
  }

  public String getLinks() {
    return links;
  }

  /** Where the span comes from; rows stored before schema version 15 read as our own. */
  public StoredSource getSource() {
    return source == null ? new StoredSource(null, null, null, null, null, false) : source;
  }

  /** Made by another service (received over OTLP, or imported as such). */
  public boolean isForeign() {
    return source != null && source.isForeign();
  }

  /** Composite key: span ids are unique only within their trace. */
  public static class Key implements Serializable {
    private String traceId;
    private String spanId;

    public Key() {}

    public Key(String traceId, String spanId) {
      this.traceId = traceId;
      this.spanId = spanId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && traceId.equals(k.traceId) && spanId.equals(k.spanId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(traceId, spanId);
    }
  }
}
