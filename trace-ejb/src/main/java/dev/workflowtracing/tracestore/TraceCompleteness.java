package dev.workflowtracing.tracestore;

import dev.workflowtracing.conventions.SpanRole;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a run's trace is whole, decided here only: its root span (role {@code run}) is stored,
 * every executed node and attempt has its span (the run's own record says how many to expect), and
 * no span's parent is missing. A run's summary, which does not read the spans, checks the count.
 *
 * @param expectedSpans null while the run is still going or when it was not traced
 */
public record TraceCompleteness(
    boolean complete,
    Integer expectedSpans,
    int storedSpans,
    boolean rootPresent,
    int orphanSpans) {

  public static TraceCompleteness of(RunRecord run, List<SpanRecord> spans) {
    Set<String> ids = new HashSet<>();
    spans.forEach(s -> ids.add(s.getSpanId()));
    boolean rootPresent = false;
    int orphans = 0;
    int runSpans = 0;
    for (SpanRecord span : spans) {
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
      }
    }
    Integer expected = run == null ? null : run.getExpectedSpanCount();
    // The same test as a run's summary (ofRun), plus the tree's own checks.
    boolean complete = expected != null && runSpans == expected && rootPresent && orphans == 0;
    return new TraceCompleteness(complete, expected, runSpans, rootPresent, orphans);
  }

  /** For a run's summary: all the spans its record expects are stored. */
  public static boolean ofRun(RunRecord run) {
    return run.getExpectedSpanCount() != null && run.getSpanCount() >= run.getExpectedSpanCount();
  }
}
