package dev.workflowtracing.bench;

import dev.workflowtracing.conventions.SpanRole;
import dev.workflowtracing.conventions.WorkflowAttributes;
import dev.workflowtracing.stats.DurationHistogram;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The hourly per-node rollups the generated runs would have left had the application executed them
 * (one execution and one attempt per node span, its duration, whether it failed), so that the
 * statistics at volume read the rollups of the very spans stored. Tokens and cost are left at zero:
 * the statistics' cost is in the rows read, not their values.
 */
final class RollupTally {

  private static final long HOUR = 3_600_000L;

  private record Key(String workflowId, String nodeId, long bucketStart) {}

  private static final class Sums {
    long executions;
    long failures;
    final DurationHistogram durations = new DurationHistogram();
    long slowestMs = -1;
    String slowestTraceId;
    long latestFailedAt = -1;
    String latestFailedTraceId;
  }

  private final Map<Key, Sums> sums = new HashMap<>();

  /** Adds the node spans of one run's trace. */
  void add(Collection<SpanData> trace) {
    for (SpanData span : trace) {
      if (!SpanRole.NODE.value().equals(span.getAttributes().get(WorkflowAttributes.SPAN_ROLE))) {
        continue;
      }
      long startMillis = span.getStartEpochNanos() / 1_000_000L;
      long ms = (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1_000_000L;
      Sums s =
          sums.computeIfAbsent(
              new Key(
                  span.getAttributes().get(WorkflowAttributes.WORKFLOW_ID),
                  span.getAttributes().get(WorkflowAttributes.NODE_ID),
                  Math.floorDiv(startMillis, HOUR) * HOUR),
              k -> new Sums());
      s.executions++;
      s.durations.add(ms);
      if (ms > s.slowestMs) {
        s.slowestMs = ms;
        s.slowestTraceId = span.getTraceId();
      }
      if (span.getStatus().getStatusCode() == StatusCode.ERROR) {
        s.failures++;
        if (startMillis > s.latestFailedAt) {
          s.latestFailedAt = startMillis;
          s.latestFailedTraceId = span.getTraceId();
        }
      }
    }
  }

  /** Writes every rollup (version 1), committed; answers how many rows. */
  int write(Connection db) throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into node_rollups (workflow_id, workflow_version, node_id, bucket_start,"
                + " executions, failures, cancellations, attempts, duration_histogram,"
                + " input_tokens, output_tokens, cost_nanos, slowest_ms, slowest_trace_id,"
                + " latest_failed_at, latest_failed_trace_id)"
                + " values (?, 1, ?, ?, ?, ?, 0, ?, ?, 0, 0, null, ?, ?, ?, ?)")) {
      for (Map.Entry<Key, Sums> entry : sums.entrySet()) {
        Key key = entry.getKey();
        Sums s = entry.getValue();
        insert.setString(1, key.workflowId());
        insert.setString(2, key.nodeId());
        insert.setLong(3, key.bucketStart());
        insert.setLong(4, s.executions);
        insert.setLong(5, s.failures);
        insert.setLong(6, s.executions);
        insert.setString(7, s.durations.encode());
        insert.setLong(8, s.slowestMs);
        insert.setString(9, s.slowestTraceId);
        if (s.latestFailedTraceId == null) {
          insert.setNull(10, java.sql.Types.BIGINT);
          insert.setNull(11, java.sql.Types.VARCHAR);
        } else {
          insert.setLong(10, s.latestFailedAt);
          insert.setString(11, s.latestFailedTraceId);
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
    db.commit();
    return sums.size();
  }
}
