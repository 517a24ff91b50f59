package dev.workflowtracing.tracestore;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One scalar span attribute as a row, so traces can be filtered by {@code key=value}. */
@Entity
@Table(name = "span_attributes")
@IdClass(SpanAttributeRecord.Key.class)
public class SpanAttributeRecord {

  public static final int MAX_VALUE_LENGTH = 1000;

  @Id
  @Column(name = "trace_id", length = 32)
  private String traceId;

  @Id
  @Column(name = "span_id", length = 16)
  private String spanId;

  @Id
  @Column(name = "attr_key", length = 255)
  private String key;

  @Column(name = "attr_value", nullable = false, length = MAX_VALUE_LENGTH)
  private String value;

  protected SpanAttributeRecord() {}

  public SpanAttributeRecord(String traceId, String spanId, String key, String value) {
    this.traceId = traceId;
    this.spanId = spanId;
    this.key = key;
    this.value = value;
  }

  public String getKey() {
    return key;
  }

  public String getValue() {
    return value;
  }

  /** Composite key. */
  public static class Key implements Serializable {
    private String traceId;
    private String spanId;
    private String key;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && traceId.equals(k.traceId)
          && spanId.equals(k.spanId)
          && key.equals(k.key);
    }

    @Override
    public int hashCode() {
      return Objects.hash(traceId, spanId, key);
    }
  }
}
