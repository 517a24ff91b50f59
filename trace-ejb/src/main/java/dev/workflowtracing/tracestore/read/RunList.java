package dev.workflowtracing.tracestore.read;

import dev.workflowtracing.tracestore.RunPosition;
import java.util.List;
import java.util.Optional;

/** A page of runs, newest first, and where the next page starts if there is one. */
public record RunList(List<RunView> runs, Optional<RunPosition> next) {}
