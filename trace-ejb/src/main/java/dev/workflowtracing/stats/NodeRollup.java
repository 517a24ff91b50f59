package dev.workflowtracing.stats;

import dev.workflowtracing.workflow.run.NodeRun;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * One node of one workflow version in one hour: how often it ran, how it ended, its attempts, its
 * duration histogram, its model usage, and the trace of its slowest and of its latest failed
 * execution. Written once per run end for each node the run executed; read per time range.
 */
@Entity
@Table(name = "node_rollups")
@IdClass(NodeRollup.Key.class)
public class NodeRollup {

  /** An hour: the rollups' time bucket. */
  static final long BUCKET_MILLIS = 3_600_000L;

  /** The start of the hour (the bucket) an instant falls in. */
  static long hourOf(long millis) {
    return Math.floorDiv(millis, BUCKET_MILLIS) * BUCKET_MILLIS;
  }

  private static final int MAX_HISTOGRAM_LENGTH = 4_000;

  /** The composite key: workflow, version, node and the hour's start. */
  public record Key(String workflowId, int workflowVersion, String nodeId, long bucketStart)
      implements Serializable {
    public Key() {
      this(null, 0, null, 0);
    }
  }

  @Id
  @Column(name = "workflow_id", length = 100)
  private String workflowId;

  @Id
  @Column(name = "workflow_version")
  private int workflowVersion;

  @Id
  @Column(name = "node_id", length = 200)
  private String nodeId;

  @Id
  @Column(name = "bucket_start")
  private long bucketStart;

  @Column(nullable = false)
  private long executions;

  @Column(nullable = false)
  private long failures;

  @Column(nullable = false)
  private long cancellations;

  @Column(nullable = false)
  private long attempts;

  @Column(name = "duration_histogram", length = MAX_HISTOGRAM_LENGTH)
  private String durationHistogram;

  @Column(name = "input_tokens", nullable = false)
  private long inputTokens;

  @Column(name = "output_tokens", nullable = false)
  private long outputTokens;

  @Column(name = "cost_nanos")
  private Long costNanos;

  @Column(name = "slowest_ms")
  private Long slowestMs;

  @Column(name = "slowest_trace_id", length = 32)
  private String slowestTraceId;

  @Column(name = "latest_failed_at")
  private Long latestFailedAt;

  @Column(name = "latest_failed_trace_id", length = 32)
  private String latestFailedTraceId;

  protected NodeRollup() {}

  NodeRollup(Key key) {
    this.workflowId = key.workflowId();
    this.workflowVersion = key.workflowVersion();
    this.nodeId = key.nodeId();
    this.bucketStart = key.bucketStart();
  }

  /** Adds one execution of the node, in the run of {@code traceId} that started at {@code at}. */
  void add(NodeRun node, String traceId, long at) {
    executions++;
    attempts += node.attempts();
    if (node.outcome() == NodeRun.Outcome.FAILED) {
      failures++;
      if (latestFailedAt == null || at >= latestFailedAt) {
        latestFailedAt = at;
        latestFailedTraceId = traceId;
      }
    } else if (node.outcome() == NodeRun.Outcome.CANCELLED) {
      cancellations++;
    }
    DurationHistogram histogram = DurationHistogram.decode(durationHistogram);
    histogram.add(node.durationMs());
    String encoded = histogram.encode();
    // Bounded by its 200 buckets; kept whole or not at all.
    durationHistogram = encoded.length() <= MAX_HISTOGRAM_LENGTH ? encoded : durationHistogram;
    inputTokens += node.inputTokens();
    outputTokens += node.outputTokens();
    if (node.costNanos() != null) {
      costNanos = (costNanos == null ? 0 : costNanos) + node.costNanos();
    }
    if (traceId != null && (slowestMs == null || node.durationMs() > slowestMs)) {
      slowestMs = node.durationMs();
      slowestTraceId = traceId;
    }
  }

  String nodeId() {
    return nodeId;
  }
}
