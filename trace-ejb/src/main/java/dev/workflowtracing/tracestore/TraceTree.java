package dev.workflowtracing.tracestore;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders a trace's spans depth first (children by start time) and gives each its depth, which is
 * all a waterfall needs. Spans whose parent is not stored (a remote caller, or a lost span) are
 * treated as roots, so nothing is hidden.
 */
public final class TraceTree {

  /** A span in display order. */
  public record Row(SpanRecord span, int depth, int childCount) {}

  private TraceTree() {}

  public static List<Row> depthFirst(List<SpanRecord> spans) {
    Comparator<SpanRecord> byStart =
        Comparator.comparingLong(SpanRecord::getStartNanos).thenComparing(SpanRecord::getSpanId);
    Set<String> ids = new HashSet<>();
    spans.forEach(s -> ids.add(s.getSpanId()));
    Map<String, List<SpanRecord>> children = new HashMap<>();
    List<SpanRecord> roots = new ArrayList<>();
    for (SpanRecord span : spans) {
      String parent = span.getParentSpanId();
      if (parent != null && ids.contains(parent) && !parent.equals(span.getSpanId())) {
        children.computeIfAbsent(parent, k -> new ArrayList<>()).add(span);
      } else {
        roots.add(span);
      }
    }
    children.values().forEach(list -> list.sort(byStart));
    roots.sort(byStart);

    // Iterative, so a 100k-span chain cannot overflow the stack.
    List<Row> rows = new ArrayList<>(spans.size());
    Deque<Row> stack = new ArrayDeque<>();
    for (int i = roots.size() - 1; i >= 0; i--) {
      stack.push(row(roots.get(i), 0, children));
    }
    while (!stack.isEmpty()) {
      Row row = stack.pop();
      rows.add(row);
      List<SpanRecord> kids = children.getOrDefault(row.span().getSpanId(), List.of());
      for (int i = kids.size() - 1; i >= 0; i--) {
        stack.push(row(kids.get(i), row.depth() + 1, children));
      }
    }
    return rows;
  }

  private static Row row(SpanRecord span, int depth, Map<String, List<SpanRecord>> children) {
    return new Row(span, depth, children.getOrDefault(span.getSpanId(), List.of()).size());
  }
}
