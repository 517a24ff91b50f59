package dev.workflowtracing.trace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A node input or output, prompt or response, already redacted and capped in length. */
@Entity
@Table(name = "artifacts")
@IdClass(ArtifactRecord.Key.class)
@NamedQuery(
    name = "ArtifactRecord.findBySpan",
    query =
        "select a from ArtifactRecord a where a.traceId = :traceId and a.spanId = :spanId"
            + " order by a.seq")
public class ArtifactRecord {

  @Id
  @Column(name = "trace_id", length = 32)
  private String traceId;

  @Id
  @Column(name = "span_id", length = 16)
  private String spanId;

  @Id private int seq;

  @Column(nullable = false, length = 32)
  private String kind;

  @Column(name = "content_type", nullable = false, length = 100)
  private String contentType;

  @Column(nullable = false, length = 1_000_000)
  private String content;

  @Column(name = "original_length", nullable = false)
  private int originalLength;

  @Column(nullable = false)
  private boolean truncated;

  protected ArtifactRecord() {}

  public ArtifactRecord(
      String traceId,
      String spanId,
      int seq,
      String kind,
      String contentType,
      String content,
      int originalLength,
      int maxLength) {
    this.traceId = traceId;
    this.spanId = spanId;
    this.seq = seq;
    this.kind = kind;
    this.contentType = contentType;
    this.originalLength = Math.max(originalLength, content.length());
    this.truncated = this.originalLength > content.length() || content.length() > maxLength;
    this.content = truncated ? content.substring(0, maxLength) : content;
  }

  public int getSeq() {
    return seq;
  }

  public String getKind() {
    return kind;
  }

  public String getContentType() {
    return contentType;
  }

  public String getContent() {
    return content;
  }

  public int getOriginalLength() {
    return originalLength;
  }

  public boolean isTruncated() {
    return truncated;
  }

  /** Composite key. */
  public static class Key implements Serializable {
    private String traceId;
    private String spanId;
    private int seq;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && traceId.equals(k.traceId)
          && spanId.equals(k.spanId)
          && seq == k.seq;
    }

    @Override
    public int hashCode() {
      return Objects.hash(traceId, spanId, seq);
    }
  }
}
