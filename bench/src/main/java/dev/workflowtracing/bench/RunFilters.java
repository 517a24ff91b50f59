package dev.workflowtracing.bench;

import dev.workflowtracing.tracestore.RunFilter;
import dev.workflowtracing.workflow.run.RunStatus;
import java.util.Optional;

/** The run filters the benchmark queries with, built part by part. */
final class RunFilters {

  private RunFilters() {}

  static RunFilter none() {
    return new RunFilter(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  static RunFilter withWorkflowId(RunFilter f, String id) {
    return new RunFilter(
        Optional.of(id),
        f.status(),
        f.fromMillis(),
        f.toMillis(),
        f.minDurationMs(),
        f.maxDurationMs(),
        f.attributeKey(),
        f.attributeValue(),
        f.nameContains(),
        f.minCostNanos(),
        f.minTokens());
  }

  static RunFilter withStatus(RunFilter f, RunStatus runStatus) {
    return new RunFilter(
        f.workflowId(),
        Optional.of(runStatus),
        f.fromMillis(),
        f.toMillis(),
        f.minDurationMs(),
        f.maxDurationMs(),
        f.attributeKey(),
        f.attributeValue(),
        f.nameContains(),
        f.minCostNanos(),
        f.minTokens());
  }

  static RunFilter withMinDurationMs(RunFilter f, long ms) {
    return new RunFilter(
        f.workflowId(),
        f.status(),
        f.fromMillis(),
        f.toMillis(),
        Optional.of(ms),
        f.maxDurationMs(),
        f.attributeKey(),
        f.attributeValue(),
        f.nameContains(),
        f.minCostNanos(),
        f.minTokens());
  }

  static RunFilter withAttribute(RunFilter f, String key, String value) {
    return new RunFilter(
        f.workflowId(),
        f.status(),
        f.fromMillis(),
        f.toMillis(),
        f.minDurationMs(),
        f.maxDurationMs(),
        Optional.of(key),
        Optional.of(value),
        f.nameContains(),
        f.minCostNanos(),
        f.minTokens());
  }

  static RunFilter withRange(RunFilter f, long fromMillis, long toMillis) {
    return new RunFilter(
        f.workflowId(),
        f.status(),
        Optional.of(fromMillis),
        Optional.of(toMillis),
        f.minDurationMs(),
        f.maxDurationMs(),
        f.attributeKey(),
        f.attributeValue(),
        f.nameContains(),
        f.minCostNanos(),
        f.minTokens());
  }

  static RunFilter withNameContaining(RunFilter f, String text) {
    return new RunFilter(
        f.workflowId(),
        f.status(),
        f.fromMillis(),
        f.toMillis(),
        f.minDurationMs(),
        f.maxDurationMs(),
        f.attributeKey(),
        f.attributeValue(),
        Optional.of(text),
        f.minCostNanos(),
        f.minTokens());
  }
}
