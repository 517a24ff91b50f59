package dev.workflowtracing.web.admin;

import dev.workflowtracing.audit.AuditStats;
import dev.workflowtracing.ingest.IngestStats;
import dev.workflowtracing.instrumentation.ExporterStats;
import dev.workflowtracing.instrumentation.PipelineHealth;
import dev.workflowtracing.instrumentation.QueueState;
import dev.workflowtracing.instrumentation.RecordingSwitch;
import dev.workflowtracing.instrumentation.TracingPipeline;
import dev.workflowtracing.retention.PartitionStats;
import dev.workflowtracing.retention.RetentionStats;
import dev.workflowtracing.stats.NodeRollups;
import dev.workflowtracing.tracestore.RunJournal;
import dev.workflowtracing.tracestore.partitions.Partition;
import dev.workflowtracing.tracestore.partitions.PartitionStore;
import dev.workflowtracing.tracestore.partitions.PartitionedTable;
import dev.workflowtracing.tracestore.read.TraceRenderGate;
import dev.workflowtracing.web.security.Roles;
import dev.workflowtracing.workflow.engine.control.HeapGuard;
import dev.workflowtracing.workflow.engine.queue.QueueDepth;
import dev.workflowtracing.workflow.live.LiveStreamCounters;
import dev.workflowtracing.workflow.live.RunsInFlight;
import dev.workflowtracing.workflow.live.relay.RelayOutbox;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The tracing pipeline's counters in the Prometheus text format (docs/monitoring.md). */
@Path("/metrics")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
public class MetricsResource {

  @EJB TracingPipeline tracing;
  @Inject RecordingSwitch recordingSwitch;
  @EJB RunJournal runJournal;
  @Inject QueueDepth queueDepth;
  @Inject LiveStreamCounters streams;
  @Inject RunsInFlight inFlight;
  @EJB RelayOutbox relay;
  @Inject RetentionStats retention;
  @Inject PartitionStats partitionStats;
  @Inject NodeRollups rollups;
  @EJB PartitionStore partitionStore;
  @Inject HeapGuard heap;
  @Inject TraceRenderGate traceReads;
  @Inject IngestStats ingestStats;
  @Inject AuditStats auditStats;

  @GET
  @Produces("text/plain; version=0.0.4")
  public String metrics() {
    PipelineHealth health = tracing.health();
    StringBuilder out = new StringBuilder();
    metric(out, "workflow_tracing_enabled", "gauge", "1 when tracing is on");
    sample(out, "workflow_tracing_enabled", "", health.enabled() ? 1 : 0);
    metric(out, "workflow_tracing_recording", "gauge", "1 when new runs are traced (not paused)");
    sample(out, "workflow_tracing_recording", "", recordingSwitch.recording() ? 1 : 0);
    counter(out, health, "exported", "spans the exporter delivered", ExporterStats::exported);
    counter(out, health, "failed", "spans in failed export attempts", ExporterStats::failed);
    counter(
        out,
        health,
        "dropped",
        "spans given up (queue or retry buffer full)",
        ExporterStats::dropped);
    counter(
        out,
        health,
        "rejected",
        "spans the destination refused for good, set aside",
        ExporterStats::rejected);
    metric(out, "workflow_tracing_queue_spans", "gauge", "spans waiting in a batch processor");
    for (QueueState q : health.queues()) {
      sample(out, "workflow_tracing_queue_spans", label("processor", q.name()), q.size());
    }
    metric(out, "workflow_tracing_queue_capacity_spans", "gauge", "a batch processor's queue size");
    for (QueueState q : health.queues()) {
      sample(
          out, "workflow_tracing_queue_capacity_spans", label("processor", q.name()), q.capacity());
    }
    metric(
        out,
        "workflow_tracing_queue_bytes",
        "gauge",
        "bytes of spans a batch processor holds (estimated)");
    for (QueueState q : health.queues()) {
      sample(out, "workflow_tracing_queue_bytes", label("processor", q.name()), q.bytes());
    }
    metric(
        out,
        "workflow_tracing_queue_capacity_bytes",
        "gauge",
        "a batch processor's bound in bytes");
    for (QueueState q : health.queues()) {
      sample(
          out,
          "workflow_tracing_queue_capacity_bytes",
          label("processor", q.name()),
          q.capacityBytes());
    }
    metric(out, "workflow_tracing_retry_buffer_spans", "gauge", "spans waiting for the database");
    sample(out, "workflow_tracing_retry_buffer_spans", "", health.retryBufferSpans());
    runJournal(out);
    metric(
        out,
        "workflow_tracing_run_queue_depth",
        "gauge",
        "runs waiting on the run queue (all servers)");
    sample(out, "workflow_tracing_run_queue_depth", "", queueDepth.depth());
    metric(
        out,
        "workflow_tracing_run_queue_oldest_age_seconds",
        "gauge",
        "how long the oldest queued run has waited");
    sample(
        out,
        "workflow_tracing_run_queue_oldest_age_seconds",
        "",
        queueDepth.oldestAgeMillis(System.currentTimeMillis()) / 1000);
    eventStreams(out);
    retention(out);
    partitions(out);
    metric(
        out,
        "workflow_tracing_runs_refused_low_memory_total",
        "counter",
        "new runs refused with 503 because the heap was nearly full after a collection");
    sample(out, "workflow_tracing_runs_refused_low_memory_total", "", heap.refusedRuns());
    metric(
        out,
        "workflow_tracing_trace_reads_refused_total",
        "counter",
        "trace reads refused with 503 while 4 others were being read and encoded for 200 ms");
    sample(out, "workflow_tracing_trace_reads_refused_total", "", traceReads.refusedReads());
    metric(
        out,
        "workflow_tracing_rollup_runs_written_total",
        "counter",
        "runs this server executed whose nodes were added to the per-node statistics");
    sample(out, "workflow_tracing_rollup_runs_written_total", "", rollups.written());
    metric(
        out,
        "workflow_tracing_rollup_runs_dropped_total",
        "counter",
        "runs left out of the per-node statistics because their nodes could not be added");
    sample(out, "workflow_tracing_rollup_runs_dropped_total", "", rollups.dropped());
    ingest(out);
    metric(
        out,
        "workflow_tracing_audit_rows_written_total",
        "counter",
        "audit rows this server wrote");
    sample(out, "workflow_tracing_audit_rows_written_total", "", auditStats.writtenCount());
    metric(
        out,
        "workflow_tracing_audit_rows_dropped_total",
        "counter",
        "audited actions whose row could not be written (logged with action, target and actor)");
    sample(out, "workflow_tracing_audit_rows_dropped_total", "", auditStats.droppedCount());
    metric(
        out,
        "workflow_tracing_audit_rows_purged_total",
        "counter",
        "audit rows purged by retention (tracing.audit.retention-days) on this server");
    sample(out, "workflow_tracing_audit_rows_purged_total", "", auditStats.purgedCount());
    return out.toString();
  }

  private void ingest(StringBuilder out) {
    metric(out, "workflow_tracing_ingest_requests_total", "counter", "OTLP requests decoded");
    sample(out, "workflow_tracing_ingest_requests_total", "", ingestStats.requests());
    metric(
        out,
        "workflow_tracing_ingest_spans_stored_total",
        "counter",
        "spans other services sent (OTLP) that were stored");
    sample(out, "workflow_tracing_ingest_spans_stored_total", "", ingestStats.stored());
    metric(
        out,
        "workflow_tracing_ingest_spans_rejected_total",
        "counter",
        "OTLP spans rejected (invalid, or refused by the database) and reported so to the sender");
    sample(out, "workflow_tracing_ingest_spans_rejected_total", "", ingestStats.rejected());
    metric(
        out,
        "workflow_tracing_ingest_requests_refused_total",
        "counter",
        "OTLP requests refused whole with Retry-After, none of their spans stored: busy (429) or unavailable (503)");
    sample(
        out,
        "workflow_tracing_ingest_requests_refused_total",
        label("reason", "busy"),
        ingestStats.refusedBusy());
    sample(
        out,
        "workflow_tracing_ingest_requests_refused_total",
        label("reason", "unavailable"),
        ingestStats.refusedUnavailable());
    metric(
        out,
        "workflow_tracing_ingest_requests_invalid_total",
        "counter",
        "OTLP requests answered 4xx before any span was read (token, size, type, body)");
    sample(
        out, "workflow_tracing_ingest_requests_invalid_total", "", ingestStats.invalidRequests());
  }

  private void retention(StringBuilder out) {
    metric(
        out,
        "workflow_tracing_retention_runs_purged_total",
        "counter",
        "runs purged for their age (tracing.retention.days) by this server");
    sample(out, "workflow_tracing_retention_runs_purged_total", "", retention.runsPurgedByAge());
    metric(
        out,
        "workflow_tracing_retention_runs_evicted_total",
        "counter",
        "oldest runs purged to keep the store under tracing.retention.max-spans");
    sample(out, "workflow_tracing_retention_runs_evicted_total", "", retention.runsEvictedByCap());
    metric(
        out,
        "workflow_tracing_retention_spans_evicted_total",
        "counter",
        "spans purged with those runs to keep the store under tracing.retention.max-spans");
    sample(
        out, "workflow_tracing_retention_spans_evicted_total", "", retention.spansEvictedByCap());
    metric(
        out,
        "workflow_tracing_retention_stored_spans",
        "gauge",
        "spans stored after the last retention tick enforced tracing.retention.max-spans (-1: not yet)");
    sample(out, "workflow_tracing_retention_stored_spans", "", retention.storedSpans());
    metric(
        out,
        "workflow_tracing_retention_ticks_skipped_total",
        "counter",
        "retention ticks this server skipped because another server was purging");
    sample(out, "workflow_tracing_retention_ticks_skipped_total", "", retention.ticksSkipped());
    metric(
        out,
        "workflow_tracing_retention_ticks_purged_total",
        "counter",
        "retention ticks this server purged in (one server of the cluster per tick)");
    sample(out, "workflow_tracing_retention_ticks_purged_total", "", retention.ticksPurged());
    metric(
        out,
        "workflow_tracing_retention_last_purge_timestamp_seconds",
        "gauge",
        "when this server last ran the retention purge (0: not yet)");
    sample(
        out,
        "workflow_tracing_retention_last_purge_timestamp_seconds",
        "",
        retention.lastPurge().map(Instant::getEpochSecond).orElse(0L));
  }

  /** The time partitions of spans and runs (PostgreSQL; nothing on H2, whose tables are plain). */
  private void partitions(StringBuilder out) {
    metric(
        out,
        "workflow_tracing_partitions_created_total",
        "counter",
        "partitions of spans and runs this server made ahead of need");
    sample(out, "workflow_tracing_partitions_created_total", "", partitionStats.created());
    metric(
        out,
        "workflow_tracing_partition_failures_total",
        "counter",
        "partitions this server could not make (their rows go to the default partition)");
    sample(out, "workflow_tracing_partition_failures_total", "", partitionStats.failures());
    metric(
        out,
        "workflow_tracing_retention_partitions_dropped_total",
        "counter",
        "partitions retention dropped whole on this server, every row older than the cutoff");
    sample(
        out, "workflow_tracing_retention_partitions_dropped_total", "", partitionStats.dropped());
    if (!partitionStats.isPartitioned()) {
      return;
    }
    Map<PartitionedTable, List<Partition>> all = new EnumMap<>(PartitionedTable.class);
    for (PartitionedTable table : PartitionedTable.values()) {
      all.put(table, partitionStore.partitions(table));
    }
    metric(
        out, "workflow_tracing_partitions", "gauge", "partitions of a table, the default one too");
    all.forEach(
        (table, partitions) ->
            sample(
                out,
                "workflow_tracing_partitions",
                label("table", table.table()),
                partitions.size()));
    metric(
        out,
        "workflow_tracing_partition_bytes",
        "gauge",
        "a partition's size on disk, indices included");
    all.forEach(
        (table, partitions) ->
            partitions.forEach(
                partition ->
                    sample(
                        out,
                        "workflow_tracing_partition_bytes",
                        "{table=\"" + table.table() + "\",partition=\"" + partition.name() + "\"}",
                        partition.bytes())));
    metric(
        out,
        "workflow_tracing_partition_default_rows",
        "gauge",
        "rows in a table's default partition (rows whose partition was missing), counted up to "
            + PartitionStore.MAX_COUNTED_DEFAULT_ROWS);
    for (PartitionedTable table : all.keySet()) {
      sample(
          out,
          "workflow_tracing_partition_default_rows",
          label("table", table.table()),
          partitionStore.defaultRows(table));
    }
  }

  private void eventStreams(StringBuilder out) {
    metric(
        out,
        "workflow_tracing_event_stream_snapshots_total",
        "counter",
        "run snapshots sent to event streams that joined late, resumed far behind or fell behind");
    sample(out, "workflow_tracing_event_stream_snapshots_total", "", streams.snapshotsSent());
    metric(
        out,
        "workflow_tracing_event_streams_cut_off_total",
        "counter",
        "event streams disconnected as stalled: a full backlog and nothing taken for 10 s");
    sample(out, "workflow_tracing_event_streams_cut_off_total", "", streams.streamsCutOff());
    metric(
        out,
        "workflow_tracing_live_runs_bytes",
        "gauge",
        "estimated heap held by the live state of runs on this server");
    sample(out, "workflow_tracing_live_runs_bytes", "", inFlight.estimatedBytes());
    metric(
        out,
        "workflow_tracing_live_relay_dropped_total",
        "counter",
        "watch requests and run updates for other servers' streams not sent: the relay's outbox"
            + " was full or the broker failed them (receivers ask again, or read the store)");
    sample(out, "workflow_tracing_live_relay_dropped_total", "", relay.dropped());
  }

  private void runJournal(StringBuilder out) {
    metric(
        out, "workflow_tracing_run_writes_pending", "gauge", "run rows waiting for the database");
    sample(out, "workflow_tracing_run_writes_pending", "", runJournal.pendingWrites());
    metric(
        out,
        "workflow_tracing_run_writes_dropped_total",
        "counter",
        "run row writes dropped because the run journal was full");
    sample(out, "workflow_tracing_run_writes_dropped_total", "", runJournal.droppedWrites());
    metric(
        out,
        "workflow_tracing_run_writes_repaired_total",
        "counter",
        "run rows stored without their inputs or outputs, which the database refused");
    sample(out, "workflow_tracing_run_writes_repaired_total", "", runJournal.repairedWrites());
    metric(
        out,
        "workflow_tracing_run_writes_rejected_total",
        "counter",
        "run row writes the database refused for good, set aside");
    sample(out, "workflow_tracing_run_writes_rejected_total", "", runJournal.rejectedWrites());
  }

  private static void counter(
      StringBuilder out,
      PipelineHealth health,
      String what,
      String help,
      java.util.function.ToLongFunction<ExporterStats> value) {
    String name = "workflow_tracing_spans_" + what + "_total";
    metric(out, name, "counter", help);
    for (ExporterStats stats : health.exporters()) {
      sample(out, name, label("exporter", stats.name()), value.applyAsLong(stats));
    }
  }

  private static void metric(StringBuilder out, String name, String type, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static void sample(StringBuilder out, String name, String labels, long value) {
    out.append(name).append(labels).append(' ').append(value).append('\n');
  }

  private static String label(String name, String value) {
    return "{" + name + "=\"" + value + "\"}";
  }
}
