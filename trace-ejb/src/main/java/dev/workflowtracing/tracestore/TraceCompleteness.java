package dev.workflowtracing.tracestore;

import dev.workflowtracing.conventions.SpanRole;
import dev.workflowtracing.workflow.run.RunStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a run's trace is whole, decided here only: its root span (role {@code run}) is stored,
 * every executed node and attempt has its span (the run's own record says how many to expect), and
 * no span's parent is missing. A run's summary, which does not read the spans, checks the count.
 *
 * @param expectedSpans null while the run is still going, when it was not traced, or when it was
 *     aborted (it never counted its spans)
 * @param missing what is missing, in words, when the trace is not whole
 * @param foreignSpans spans other services sent for the trace (OTLP), listed apart: they neither
 *     make the run's trace whole nor keep it from being whole
 * @param foreignServices the services those came from, by name
 */
public record TraceCompleteness(
    boolean complete,
    Integer expectedSpans,
    int storedSpans,
    boolean rootPresent,
    int orphanSpans,
    List<String> missing,
    int foreignSpans,
    List<String> foreignServices) {

  public static TraceCompleteness of(RunRecord run, List<SpanRecord> spans) {
    Set<String> ids = new HashSet<>();
    spans.forEach(s -> ids.add(s.getSpanId()));
    boolean rootPresent = false;
    int orphans = 0;
    int runSpans = 0;
    // Nodes whose span is missing although an attempt of theirs is stored.
    Set<String> nodesCutOff = new TreeSet<>();
    int foreign = 0;
    Set<String> services = new TreeSet<>();
    for (SpanRecord span : spans) {
      if (span.isForeign()) {
        foreign++;
        String service = span.getSource().getServiceName();
        services.add(service == null ? "unknown service" : service);
        continue;
      }
      if (SpanRole.of(span.getRole()).isEmpty()) {
        // Not the run's own (the caller's spans, the producer span of a queued run): the run's
        // record counts only its root, nodes and attempts.
        continue;
      }
      runSpans++;
      boolean isRoot = SpanRole.RUN.value().equals(span.getRole());
      if (isRoot) {
        rootPresent = true;
      } else if (span.getParentSpanId() == null || !ids.contains(span.getParentSpanId())) {
        orphans++;
        if (SpanRole.ATTEMPT.value().equals(span.getRole()) && span.getNodeId() != null) {
          nodesCutOff.add(span.getNodeId());
        }
      }
    }
    Integer expected = run == null ? null : run.getExpectedSpanCount();
    // The same test as a run's summary (ofRun), plus the tree's own checks.
    boolean complete = expected != null && runSpans == expected && rootPresent && orphans == 0;
    List<String> missing =
        complete ? List.of() : missing(run, expected, runSpans, rootPresent, orphans, nodesCutOff);
    return new TraceCompleteness(
        complete,
        expected,
        runSpans,
        rootPresent,
        orphans,
        missing,
        foreign,
        List.copyOf(services));
  }

  private static List<String> missing(
      RunRecord run,
      Integer expected,
      int stored,
      boolean rootPresent,
      int orphans,
      Set<String> nodesCutOff) {
    List<String> missing = new ArrayList<>();
    if (run != null && run.getStatus() == RunStatus.ABORTED) {
      // A span is exported when it ends; the ones open when the server stopped never ended.
      String server = run.getExecutedBy() == null ? "" : " (" + run.getExecutedBy() + ")";
      missing.add(
          "the run's own span: the server executing it"
              + server
              + " stopped or was killed before the run ended");
      nodesCutOff.forEach(
          node -> missing.add("the span of node \"" + node + "\": it was running at that moment"));
      missing.add("the spans of any node or attempt that was running at that moment");
      return missing;
    }
    if (run != null && !run.getStatus().isFinal()) {
      missing.add("the run is still going: its spans are stored as they end");
      return missing;
    }
    if (expected != null && stored < expected) {
      missing.add(
          (expected - stored)
              + " of the "
              + expected
              + " spans the run produced are not stored (yet, or dropped: see /api/metrics)");
    }
    if (!rootPresent) {
      missing.add("the run's own span");
    }
    if (orphans > 0) {
      missing.add("the parents of " + orphans + " spans");
    }
    return missing;
  }

  /** For a run's summary: all the spans its record expects are stored. */
  public static boolean ofRun(RunRecord run) {
    return run.getExpectedSpanCount() != null && run.getSpanCount() >= run.getExpectedSpanCount();
  }
}
