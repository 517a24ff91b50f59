package dev.workflowtracing.tracestore.read;

import dev.workflowtracing.stats.UsualDurations;
import dev.workflowtracing.tracestore.RenderedTrace;
import dev.workflowtracing.tracestore.RunFilter;
import dev.workflowtracing.tracestore.RunOrder;
import dev.workflowtracing.tracestore.RunPage;
import dev.workflowtracing.tracestore.RunPosition;
import dev.workflowtracing.tracestore.RunRecord;
import dev.workflowtracing.tracestore.SpanRecord;
import dev.workflowtracing.tracestore.TraceCache;
import dev.workflowtracing.tracestore.TraceCompleteness;
import dev.workflowtracing.tracestore.TraceQueries;
import dev.workflowtracing.tracestore.TraceTree;
import dev.workflowtracing.workflow.live.LiveRun;
import dev.workflowtracing.workflow.live.RunsInFlight;
import dev.workflowtracing.workflow.run.RunStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Answers what the API asks of the trace store, as read models: a page of runs, one run, a whole
 * trace (its start, duration, errors, tree and completeness), one span with its artifacts.
 */
@Stateless
public class TraceReader {

  @EJB TraceQueries queries;
  @Inject RunsInFlight inFlight;
  @Inject TraceCache cache;
  @Inject TraceRenderGate gate;
  @Inject UsualDurations usual;

  public RunList runs(RunFilter filter, RunOrder order, Optional<RunPosition> after, int limit) {
    RunPage page = queries.runs(filter, order, after, limit);
    return new RunList(page.runs().stream().map(RunView::of).toList(), page.next());
  }

  /** The stored run, with its live state when this server is executing it. */
  public Optional<RunView> run(String runId) {
    Optional<LiveRun> live = inFlight.live(runId);
    return queries
        .run(runId)
        .map(run -> RunView.of(run))
        .map(run -> run.withLive(live.map(l -> withUsual(l, run)).orElse(null)));
  }

  /** The live run with its nodes' usual durations: each is flagged when it runs longer. */
  private LiveRun withUsual(LiveRun live, RunView run) {
    return live.withUsual(
        usual.p95ByNode(run.workflowId(), run.workflowVersion()), usual.settings().factor());
  }

  /**
   * The trace, or empty when neither a span nor a run of it is stored; its spans without their
   * attributes and events when the limit says so.
   */
  public Optional<TraceView> trace(String traceId, SpanDetailLimit limit) {
    boolean omitDetails = limit.omits(queries.detailChars(traceId));
    // The run first: its count of foreign spans is what a cached copy is checked by, so it must not
    // count spans this read does not see.
    RunRecord run = queries.runOfTrace(traceId).orElse(null);
    List<SpanRecord> spans =
        omitDetails ? queries.spansWithoutDetails(traceId) : queries.spans(traceId);
    if (spans.isEmpty() && run == null) {
      return Optional.empty();
    }
    long start = spans.stream().mapToLong(SpanRecord::getStartNanos).min().orElse(0);
    long end = spans.stream().mapToLong(SpanRecord::getEndNanos).max().orElse(0);
    List<SpanView> views =
        TraceTree.depthFirst(spans).stream().map(row -> SpanView.of(row, start)).toList();
    int errors = (int) spans.stream().filter(s -> "ERROR".equals(s.getStatusCode())).count();
    return Optional.of(
        new TraceView(
            traceId,
            run == null ? null : RunView.of(run),
            spans.isEmpty() ? null : SpanView.isoTime(start),
            (end - start) / 1000,
            spans.size(),
            errors,
            TraceCompleteness.of(run, spans),
            omitDetails,
            views));
  }

  /**
   * The trace as the API sends it in {@code encoding}: from the cache when it is finished and was
   * read before in that encoding, otherwise read, encoded and, once finished, kept. A cached trace
   * is served only while its run is still stored, with the foreign spans it was rendered with:
   * another server may have deleted or purged it, or stored spans another service sent for it, and
   * evicted it from its own cache only.
   */
  public Optional<RenderedTrace> rendered(
      String traceId, TraceEncoding encoding, SpanDetailLimit limit) {
    String variant = encoding.mediaType() + limit.variant();
    Optional<RenderedTrace> cached = cache.get(traceId, variant);
    if (cached.isPresent()) {
      Optional<Integer> foreignSpans = queries.foreignSpansOfStoredTrace(traceId);
      if (foreignSpans.isPresent() && foreignSpans.get() == cached.get().foreignSpans()) {
        return cached;
      }
      cache.evict(List.of(traceId));
      if (foreignSpans.isEmpty()) {
        return Optional.empty();
      }
    }
    return gate.render(
        () ->
            trace(traceId, limit)
                .map(
                    view -> {
                      RenderedTrace rendered =
                          RenderedTrace.of(
                              encoding.encode(view),
                              isFinished(view),
                              view.run() == null ? 0 : view.run().foreignSpans());
                      cache.keep(traceId, variant, rendered);
                      return rendered;
                    }));
  }

  /** A trace that will not change: its run has ended and every span it produced is stored. */
  static boolean isFinished(TraceView trace) {
    return trace.run() != null
        && RunStatus.valueOf(trace.run().status()).isFinal()
        && trace.completeness().complete();
  }

  public Optional<SpanDetailView> span(String traceId, String spanId) {
    return queries
        .span(traceId, spanId)
        .map(
            span ->
                new SpanDetailView(
                    traceId,
                    SpanView.of(new TraceTree.Row(span, 0, 0), queries.traceStartNanos(traceId)),
                    queries.artifacts(traceId, spanId).stream().map(ArtifactView::of).toList()));
  }

  /**
   * Traces made only of other services' spans, newest first (see {@link
   * TraceQueries#foreignRoots}).
   */
  public List<ForeignTraceView> foreignTraces(
      String service, long fromMillis, long toMillis, int limit) {
    List<Object[]> roots =
        queries.foreignRoots(service, fromMillis * 1_000_000, toMillis * 1_000_000, limit);
    java.util.Map<String, long[]> counts = new java.util.HashMap<>();
    for (Object[] row :
        queries.spanAndErrorCounts(roots.stream().map(r -> (String) r[0]).toList())) {
      counts.put(
          (String) row[0],
          new long[] {
            ((Number) row[1]).longValue(), row[2] == null ? 0 : ((Number) row[2]).longValue()
          });
    }
    return roots.stream()
        .map(
            r -> {
              long[] c = counts.getOrDefault((String) r[0], new long[] {0, 0});
              long start = (Long) r[3];
              return new ForeignTraceView(
                  (String) r[0],
                  (String) r[1],
                  (String) r[2],
                  SpanView.isoTime(start),
                  ((Long) r[4] - start) / 1000,
                  c[0],
                  c[1]);
            })
        .toList();
  }
}
