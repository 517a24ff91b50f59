package dev.workflowtracing.web.traces;

import dev.workflowtracing.tracestore.read.RunView;
import java.util.List;

/** A page of runs (each one trace), newest first; pass {@code nextCursor} to get the next page. */
public record RunListView(List<RunView> items, String nextCursor) {}
