package dev.workflowtracing.tracestore;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a run's trace tree is whole: its root span is stored, every executed node and attempt has
 * its span (the run recorded how many to expect), and no span's parent is missing.
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
    for (SpanRecord span : spans) {
      boolean isRoot = span.getNodeId() == null && span.getName().startsWith("run ");
      if (isRoot) {
        rootPresent = true;
      } else if (span.getParentSpanId() == null || !ids.contains(span.getParentSpanId())) {
        orphans++;
      }
    }
    Integer expected = run == null ? null : run.getExpectedSpanCount();
    boolean complete = expected != null && spans.size() == expected && rootPresent && orphans == 0;
    return new TraceCompleteness(complete, expected, spans.size(), rootPresent, orphans);
  }
}
