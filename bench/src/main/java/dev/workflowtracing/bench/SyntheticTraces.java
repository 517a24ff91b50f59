package dev.workflowtracing.bench;

import dev.workflowtracing.conventions.Artifacts;
import dev.workflowtracing.conventions.SpanRole;
import dev.workflowtracing.conventions.WorkflowAttributes;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.List;

/**
 * Spans shaped like a workflow run's: a root, node spans under it, an attempt span under each node;
 * the engine's attributes (role, workflow id and version, run, node, type, model, tokens) on node
 * and attempt spans, a 500-character prompt artifact on every attempt, one node in ten an error.
 * Node durations spread from 1 to 10.7 ms, so that "slowest" means something.
 */
final class SyntheticTraces {

  private static final String PROMPT = "Summarise the order history of the customer. ".repeat(11);

  private SyntheticTraces() {}

  static String traceId(long n) {
    return String.format("%032x", n + 1);
  }

  static String runId(long n) {
    return String.format("00000000-0000-4000-8000-%012x", n);
  }

  /** One trace of {@code spans} spans (odd counts round down to root + node/attempt pairs). */
  static List<SpanData> trace(long n, int spans, long startNanos) {
    return trace(n, spans, startNanos, true);
  }

  /** The same, with the prompt artifact on each attempt or without any artifact. */
  static List<SpanData> trace(long n, int spans, long startNanos, boolean artifacts) {
    String traceId = traceId(n);
    List<SpanData> out = new ArrayList<>(spans);
    String rootId = spanId(n, 0);
    long t = startNanos;
    int nodes = (spans - 1) / 2;
    for (int i = 0; i < nodes; i++) {
      String nodeId = spanId(n, 1 + 2 * i);
      String attemptId = spanId(n, 2 + 2 * i);
      long nodeNanos = nodeNanos(n, i);
      boolean error = i % 10 == 9;
      out.add(
          span(
              traceId,
              attemptId,
              nodeId,
              "node-" + i + " attempt 1",
              t + 1000,
              t + nodeNanos - 100_000,
              attributes(n, i, SpanRole.ATTEMPT),
              artifacts ? List.of(prompt(t + 2000)) : List.of(),
              error));
      out.add(
          span(
              traceId,
              nodeId,
              rootId,
              "llm node-" + i,
              t,
              t + nodeNanos,
              attributes(n, i, SpanRole.NODE),
              List.of(),
              error));
      t += nodeNanos;
    }
    out.add(
        span(
            traceId,
            rootId,
            null,
            "run " + workflowId(n),
            startNanos,
            t,
            Attributes.builder()
                .put(WorkflowAttributes.SPAN_ROLE, SpanRole.RUN.value())
                .put(WorkflowAttributes.WORKFLOW_ID, workflowId(n))
                .put(WorkflowAttributes.WORKFLOW_VERSION, 1L)
                .put(WorkflowAttributes.RUN_ID, runId(n))
                .build(),
            List.of(),
            false));
    return out;
  }

  /** The workflow of run {@code n}: one of ten. */
  static String workflowId(long n) {
    return "bench-" + (n % 10);
  }

  /** How long node {@code i} of run {@code n} takes: 1 to 10.7 ms. */
  static long nodeNanos(long n, int i) {
    return 1_000_000L + ((n * 31 + i * 7) % 97) * 100_000L;
  }

  private static Attributes attributes(long n, int i, SpanRole role) {
    return Attributes.builder()
        .put(WorkflowAttributes.SPAN_ROLE, role.value())
        .put(WorkflowAttributes.WORKFLOW_ID, workflowId(n))
        .put(WorkflowAttributes.WORKFLOW_VERSION, 1L)
        .put(WorkflowAttributes.RUN_ID, runId(n))
        .put(WorkflowAttributes.NODE_ID, "node-" + i)
        .put(WorkflowAttributes.NODE_TYPE, "llm")
        .put(WorkflowAttributes.GEN_AI_REQUEST_MODEL, i % 2 == 0 ? "sim-small" : "sim-large")
        .put(WorkflowAttributes.GEN_AI_INPUT_TOKENS, 120L + i)
        .build();
  }

  private static EventData prompt(long nanos) {
    return EventData.create(
        nanos,
        Artifacts.EVENT,
        Attributes.of(
            Artifacts.KIND,
            "prompt",
            Artifacts.CONTENT_TYPE,
            "text/plain",
            Artifacts.CONTENT,
            PROMPT));
  }

  private static SpanData span(
      String traceId,
      String spanId,
      String parentId,
      String name,
      long start,
      long end,
      Attributes attributes,
      List<EventData> events,
      boolean error) {
    return TestSpanData.builder()
        .setSpanContext(
            SpanContext.create(traceId, spanId, TraceFlags.getSampled(), TraceState.getDefault()))
        .setParentSpanContext(
            parentId == null
                ? SpanContext.getInvalid()
                : SpanContext.create(
                    traceId, parentId, TraceFlags.getSampled(), TraceState.getDefault()))
        .setName(name)
        .setKind(SpanKind.INTERNAL)
        .setStartEpochNanos(start)
        .setEndEpochNanos(end)
        .setAttributes(attributes)
        .setEvents(events)
        .setTotalRecordedEvents(events.size())
        .setStatus(
            error
                ? StatusData.create(io.opentelemetry.api.trace.StatusCode.ERROR, "boom")
                : StatusData.unset())
        .setHasEnded(true)
        .build();
  }

  private static String spanId(long trace, int index) {
    return String.format("%08x%08x", trace + 1, index + 1);
  }
}
