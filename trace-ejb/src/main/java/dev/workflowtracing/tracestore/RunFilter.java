package dev.workflowtracing.tracestore;

import dev.workflowtracing.workflow.run.RunStatus;
import java.util.Optional;

/**
 * Which runs to list; every part is optional and they combine with AND.
 *
 * @param fromMillis runs started at or after this time
 * @param toMillis runs started before this time
 * @param attributeKey with {@code attributeValue}: some span of the run's trace has this attribute
 * @param nameContains some span of the run's trace has a name containing this text (any case)
 * @param minCostNanos the run's model calls cost at least this, in billionths of the currency
 * @param minTokens the run's model calls used at least this many tokens, in and out
 */
public record RunFilter(
    Optional<String> workflowId,
    Optional<RunStatus> status,
    Optional<Long> fromMillis,
    Optional<Long> toMillis,
    Optional<Long> minDurationMs,
    Optional<Long> maxDurationMs,
    Optional<String> attributeKey,
    Optional<String> attributeValue,
    Optional<String> nameContains,
    Optional<Long> minCostNanos,
    Optional<Long> minTokens) {}
