package dev.workflowtracing.tracestore;

import java.util.List;
import java.util.Optional;

/** One page of runs, and where the next one starts if there is one. */
public record RunPage(List<RunRecord> runs, Optional<RunPosition> next) {}
