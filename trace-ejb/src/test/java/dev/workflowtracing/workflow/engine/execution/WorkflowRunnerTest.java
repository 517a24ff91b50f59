package dev.workflowtracing.workflow.engine.execution;

import static dev.workflowtracing.conventions.WorkflowAttributes.GEN_AI_INPUT_TOKENS;
import static dev.workflowtracing.conventions.WorkflowAttributes.GEN_AI_REQUEST_MODEL;
import static dev.workflowtracing.conventions.WorkflowAttributes.NODE_ATTEMPT;
import static dev.workflowtracing.conventions.WorkflowAttributes.RUN_CANCELLED;
import static dev.workflowtracing.conventions.WorkflowAttributes.RUN_ID;
import static dev.workflowtracing.conventions.WorkflowAttributes.SPAN_ROLE;
import static dev.workflowtracing.conventions.WorkflowAttributes.WORKFLOW_ID;
import static dev.workflowtracing.conventions.WorkflowAttributes.WORKFLOW_VERSION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowtracing.conventions.Artifacts;
import dev.workflowtracing.instrumentation.CallInvocation;
import dev.workflowtracing.instrumentation.TracedInterceptor;
import dev.workflowtracing.instrumentation.TracedInterceptorAccess;
import dev.workflowtracing.instrumentation.redaction.RedactingSpanProcessor;
import dev.workflowtracing.instrumentation.redaction.RedactingSpanProcessor.Downstream;
import dev.workflowtracing.instrumentation.redaction.RedactionSettings;
import dev.workflowtracing.instrumentation.redaction.Redactor;
import dev.workflowtracing.workflow.TestSettings;
import dev.workflowtracing.workflow.WorkflowDefinitionParser;
import dev.workflowtracing.workflow.engine.control.RunHandle;
import dev.workflowtracing.workflow.nodes.Handlers;
import dev.workflowtracing.workflow.run.NodeRun;
import dev.workflowtracing.workflow.run.RunEvent;
import dev.workflowtracing.workflow.run.RunResult;
import dev.workflowtracing.workflow.run.RunStatus;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine with its real node handlers and the real interceptor, wired as the container would,
 * exporting to an in-memory exporter.
 */
class WorkflowRunnerTest {

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final Redactor redactor = new Redactor(RedactionSettings.builtIns(4096, 65536));
  // As TracingBootstrap wires it: every span redacted before the exporter.
  private final SdkTracerProvider provider =
      SdkTracerProvider.builder()
          .addSpanProcessor(
              new RedactingSpanProcessor(
                  redactor,
                  List.of(new Downstream("memory", SimpleSpanProcessor.create(exporter)))))
          .build();
  private final TracedInterceptor interceptor = TracedInterceptorAccess.with(provider.get("test"));
  private final java.util.concurrent.ExecutorService pool =
      java.util.concurrent.Executors.newFixedThreadPool(4);
  private final List<String> runLog = new ArrayList<>();
  private final RecordedRunEvents events = new RecordedRunEvents(this::log);
  private final List<String> stored = new ArrayList<>();
  private final WorkflowRunner runner = tracedRunner();

  @AfterEach
  void closeProvider() {
    provider.close();
    pool.shutdownNow();
  }

  @Test
  void aCancelInterruptsTheRunningNodesStartsNoOtherAndMarksTheSpans() throws Exception {
    StringBuilder nodes =
        new StringBuilder(
            "{\"id\": \"start\", \"type\": \"transform\", \"config\": {\"set\": {}}}");
    StringBuilder edges = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      nodes
          .append(", {\"id\": \"n")
          .append(i)
          .append("\", \"type\": \"delay\", \"config\": {\"ms\": 2000}}");
      edges
          .append(i == 0 ? "" : ", ")
          .append("{\"from\": \"start\", \"to\": \"n")
          .append(i)
          .append("\"}");
    }
    String definition =
        "{\"id\": \"slow-fan\", \"nodes\": [" + nodes + "], \"edges\": [" + edges + "]}";
    RunHandle handle = new RunHandle("run-1", java.time.Duration.ofHours(1), System.nanoTime());
    java.util.concurrent.atomic.AtomicLong cancelledAt =
        new java.util.concurrent.atomic.AtomicLong();
    Thread canceller =
        new Thread(
            () -> {
              try {
                Thread.sleep(300);
              } catch (InterruptedException e) {
                return;
              }
              handle.cancel("Cancelled by test");
              cancelledAt.set(System.nanoTime());
            });
    long start = System.nanoTime();
    canceller.start();
    RunResult result = run(definition, "{}", handle);
    canceller.join();

    assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(result.error()).isEqualTo("Cancelled by test");
    // Four delays ran (the test's parallelism) and were cut short; no other node started.
    assertThat(System.nanoTime() - start).isLessThan(1_500_000_000L);
    assertThat(result.executedNodes()).hasSize(1 + 4);
    Map<String, SpanData> spans = byName();
    SpanData root = spans.get("run slow-fan");
    assertThat(root.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(root.getAttributes().get(RUN_CANCELLED)).isTrue();
    List<SpanData> cut =
        exporter.getFinishedSpanItems().stream()
            .filter(s -> s.getName().startsWith("delay n") || s.getName().startsWith("n"))
            .filter(s -> !s.getName().startsWith("run"))
            .toList();
    assertThat(cut).hasSize(4 + 4); // node span and attempt span of each
    assertThat(cut)
        .allSatisfy(
            s -> {
              assertThat(s.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
              assertThat(s.getAttributes().get(RUN_CANCELLED)).isTrue();
            });
    assertThat(runLog).contains("finished CANCELLED expecting 11 spans");
    assertThat(events.fired())
        .filteredOn(RunEvent.NodeAttemptEnded.class::isInstance)
        .map(RunEvent.NodeAttemptEnded.class::cast)
        .filteredOn(e -> e.nodeId().startsWith("n"))
        .hasSize(4)
        .allMatch(RunEvent.NodeAttemptEnded::cancelled);
    // The interrupt was for the run only: the pool's threads are usable again.
    assertThat(pool.submit(() -> Thread.currentThread().isInterrupted()).get()).isFalse();
  }

  @Test
  void aFanOutRunsItsWaveInParallelWithEverySpanUnderTheRoot() {
    StringBuilder nodes =
        new StringBuilder(
            "{\"id\": \"start\", \"type\": \"transform\", \"config\": {\"set\": {}}}");
    StringBuilder edges = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      nodes
          .append(", {\"id\": \"n")
          .append(i)
          .append("\", \"type\": \"delay\", \"config\": {\"ms\": 20}}");
      edges
          .append(i == 0 ? "" : ", ")
          .append("{\"from\": \"start\", \"to\": \"n")
          .append(i)
          .append("\"}");
      edges.append(", {\"from\": \"n").append(i).append("\", \"to\": \"end\"}");
    }
    nodes.append(", {\"id\": \"end\", \"type\": \"transform\", \"config\": {\"set\": {}}}");

    long start = System.nanoTime();
    RunResult result =
        run("{\"id\": \"fan\", \"nodes\": [" + nodes + "], \"edges\": [" + edges + "]}");
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(result.executedNodes()).hasSize(42).startsWith("start").endsWith("end");
    // 40 nodes of 20 ms, 4 at a time: about 200 ms, not the 800 ms of one at a time.
    assertThat(millis).isLessThan(700);
    List<SpanData> spans = exporter.getFinishedSpanItems();
    assertThat(spans).hasSize(1 + 42 * 2);
    String root = byName().get("run fan").getSpanId();
    assertThat(spans)
        .filteredOn(s -> s.getName().startsWith("delay "))
        .hasSize(40)
        .allSatisfy(s -> assertThat(s.getParentSpanId()).isEqualTo(root));
    assertThat(runLog).last().isEqualTo("finished SUCCEEDED expecting 85 spans");
  }

  @Test
  void aRunIsOneRootSpanWithANodeSpanPerNodeAndAnAttemptSpanPerAttempt() {
    RunResult result =
        run(
            """
            {"id": "greet", "nodes": [
              {"id": "prepare", "type": "transform", "config": {"set": {"p": "Hi ${input.name}"}}},
              {"id": "ask", "type": "llm", "config": {"prompt": "${nodes.prepare.p}", "model": "m1"}}],
             "edges": [{"from": "prepare", "to": "ask"}]}
            """);

    assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(result.outputs().getJsonObject("ask").getString("text")).contains("Hi Ada");
    Map<String, SpanData> spans = byName();
    assertThat(spans.keySet())
        .containsExactlyInAnyOrder(
            "run greet", "transform prepare", "prepare attempt 1", "llm ask", "ask attempt 1");
    SpanData root = spans.get("run greet");
    assertThat(root.getParentSpanContext().isValid()).isFalse();
    assertThat(root.getTraceId()).isEqualTo(result.traceId());
    assertThat(root.getAttributes().get(RUN_ID)).isEqualTo(result.runId());
    assertThat(spans.get("llm ask").getParentSpanId()).isEqualTo(root.getSpanId());
    SpanData attempt = spans.get("ask attempt 1");
    assertThat(attempt.getParentSpanId()).isEqualTo(spans.get("llm ask").getSpanId());
    assertThat(attempt.getAttributes().get(GEN_AI_REQUEST_MODEL)).isEqualTo("m1");
    assertThat(attempt.getAttributes().get(GEN_AI_INPUT_TOKENS)).isPositive();
    assertThat(attempt.getEvents())
        .filteredOn(e -> e.getName().equals(Artifacts.EVENT))
        .extracting(e -> e.getAttributes().get(Artifacts.KIND))
        .containsExactly("prompt", "response");
    assertThat(runLog)
        .containsExactly("started " + result.runId(), "finished SUCCEEDED expecting 5 spans");
  }

  @Test
  void everySpanSaysItsRoleAndTheEnginePublishesEachAttempt() {
    RunResult result =
        run(
            """
            {"id": "flaky", "nodes": [{"id": "f", "type": "fail",
              "config": {"failAttempts": 1}, "retry": {"maxAttempts": 2, "backoffMs": 0}}]}
            """);

    Map<String, SpanData> spans = byName();
    assertThat(spans.get("run flaky").getAttributes().get(SPAN_ROLE)).isEqualTo("run");
    assertThat(spans.get("fail f").getAttributes().get(SPAN_ROLE)).isEqualTo("node");
    assertThat(spans.get("f attempt 1").getAttributes().get(SPAN_ROLE)).isEqualTo("attempt");
    assertThat(spans.get("f attempt 2").getAttributes().get(SPAN_ROLE)).isEqualTo("attempt");
    assertThat(events.fired())
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly(
            "RunStarted",
            "NodeAttemptStarted",
            "NodeAttemptEnded",
            "NodeAttemptStarted",
            "NodeAttemptEnded",
            "NodeEnded",
            "RunEnded");
    assertThat(events.fired())
        .filteredOn(RunEvent.NodeAttemptEnded.class::isInstance)
        .extracting(e -> ((RunEvent.NodeAttemptEnded) e).error() == null)
        .containsExactly(false, true);
    // The node's end carries what the per-node statistics keep: the same figures as the run's.
    RunEvent.NodeEnded ended =
        events.fired().stream()
            .filter(RunEvent.NodeEnded.class::isInstance)
            .map(RunEvent.NodeEnded.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(ended.node().nodeId()).isEqualTo("f");
    assertThat(ended.node().attempts()).isEqualTo(2);
    assertThat(ended.node().outcome()).isEqualTo(NodeRun.Outcome.SUCCEEDED);
    assertThat(result.nodes()).containsExactly(ended.node());
    assertThat(spans.get("f attempt 1").getAttributes().get(WORKFLOW_ID)).isEqualTo("flaky");
    assertThat(spans.get("fail f").getAttributes().get(WORKFLOW_VERSION)).isEqualTo(1L);
    assertThat(events.fired()).allSatisfy(e -> assertThat(e.runId()).isEqualTo(result.runId()));
  }

  @Test
  void retriesShowAsAttemptSpansWithErrorsUntilOneSucceeds() {
    RunResult result =
        run(
            """
            {"id": "flaky", "nodes": [
              {"id": "f", "type": "fail", "config": {"failAttempts": 2},
               "retry": {"maxAttempts": 3, "backoffMs": 1}}]}
            """);

    assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
    List<SpanData> attempts =
        exporter.getFinishedSpanItems().stream()
            .filter(s -> s.getAttributes().get(NODE_ATTEMPT) != null)
            .toList();
    assertThat(attempts)
        .extracting(s -> s.getAttributes().get(NODE_ATTEMPT), s -> s.getStatus().getStatusCode())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1L, StatusCode.ERROR),
            org.assertj.core.groups.Tuple.tuple(2L, StatusCode.ERROR),
            org.assertj.core.groups.Tuple.tuple(3L, StatusCode.UNSET));
    assertThat(byName().get("fail f").getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void exhaustedRetriesFailTheNodeAndTheRunAndStopLaterNodes() {
    RunResult result =
        run(
            """
            {"id": "broken", "nodes": [
              {"id": "f", "type": "fail", "config": {"message": "nope"}, "retry": {"maxAttempts": 2}},
              {"id": "after", "type": "transform", "config": {"set": {}}}],
             "edges": [{"from": "f", "to": "after"}]}
            """);

    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.error()).isEqualTo("Node \"f\" failed after 2 attempts: nope (attempt 2)");
    Map<String, SpanData> spans = byName();
    assertThat(spans).doesNotContainKey("transform after");
    assertThat(spans.get("fail f").getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(spans.get("fail f").getEvents()).anyMatch(e -> e.getName().equals("exception"));
    assertThat(spans.get("run broken").getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(runLog).last().isEqualTo("finished FAILED expecting 4 spans");
  }

  @Test
  void aBranchRunsOnlyTheSideItPicks() {
    RunResult result =
        run(
            """
            {"id": "b", "nodes": [
              {"id": "check", "type": "branch", "config": {"condition": "${input.amount} > 100"}},
              {"id": "big", "type": "transform", "config": {"set": {"size": "big"}}},
              {"id": "small", "type": "transform", "config": {"set": {"size": "small"}}}],
             "edges": [{"from": "check", "to": "big", "when": "true"},
                       {"from": "check", "to": "small", "when": "false"}]}
            """);

    assertThat(result.executedNodes()).containsExactly("check", "small");
    assertThat(result.skippedNodes()).containsExactly("big");
    assertThat(result.outputs().getJsonObject("small").getString("size")).isEqualTo("small");
  }

  @Test
  void aTimeoutFailsTheAttempt() {
    RunResult result =
        run(
            """
            {"id": "slow", "nodes": [
              {"id": "wait", "type": "delay", "config": {"ms": 2000}, "timeoutMs": 20}]}
            """);

    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.error()).contains("timed out after 20 ms");
  }

  @Test
  void secretsInRunInputsReachNeitherTheRunNorItsSpans() {
    // The security review's example: a password in an object, a key in a string.
    String inputs =
        "{\"name\":{\"password\":\"hunter2-secret\"},\"key\":\"sk-proj-AbCdEf0123456789XyZ\"}";
    RunResult result =
        run(
            """
            {"id": "leak", "nodes": [
              {"id": "ask", "type": "llm",
               "config": {"prompt": "Say hello to ${input.name} with key ${input.key}"}},
              {"id": "fail", "type": "fail", "config": {"message": "bad key sk-proj-AbCdEf0123456789XyZ"}}]}
            """,
            inputs);

    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.error()).contains("bad key [REDACTED:openai-key]");
    assertThat(result.inputs().toString())
        .isEqualTo("{\"name\":{\"password\":\"[REDACTED]\"},\"key\":\"[REDACTED:openai-key]\"}");
    assertThat(result.outputs().getJsonObject("ask").getString("text"))
        .contains("Say hello to {\"password\":\"[REDACTED]\"} with key [REDACTED:openai-key]");
    String everything =
        result
            + " "
            + stored
            + " "
            + exporter.getFinishedSpanItems().stream()
                .map(s -> s.getAttributes() + " " + s.getEvents() + " " + s.getStatus())
                .toList();
    assertThat(everything)
        .doesNotContain("hunter2-secret", "AbCdEf0123456789XyZ")
        .contains("[REDACTED:openai-key]");
    assertThat(byName().get("ask attempt 1").getEvents())
        .extracting(e -> e.getAttributes().get(Artifacts.CONTENT))
        .contains("Say hello to {\"password\":\"[REDACTED]\"} with key [REDACTED:openai-key]");
  }

  private RunResult run(String definition) {
    return run(definition, "{\"name\": \"Ada\", \"amount\": 20}");
  }

  private RunResult run(String definition, String inputs) {
    return run(
        definition,
        inputs,
        new RunHandle("run-1", java.time.Duration.ofHours(1), System.nanoTime()));
  }

  private RunResult run(String definition, String inputs, RunHandle handle) {
    return runner.run(
        new RunRequest(
            handle,
            WorkflowDefinitionParser.parse(definition),
            Json.createReader(new java.io.StringReader(inputs)).readObject(),
            "test",
            Context.root(),
            false));
  }

  private Map<String, SpanData> byName() {
    return exporter.getFinishedSpanItems().stream()
        .collect(Collectors.toMap(SpanData::getName, Function.identity()));
  }

  /** The three engine beans, each call passing through the interceptor as in the container. */
  private WorkflowRunner tracedRunner() {
    AttemptRunner attempts =
        new AttemptRunner() {
          @Override
          public jakarta.json.JsonObject attempt(NodeAttempt attempt)
              throws NodeExecutionException {
            return traced(() -> super.attempt(attempt), attempt, NodeExecutionException.class);
          }
        };
    Handlers.all().forEach(attempts::register);
    NodeExecutor executor =
        new NodeExecutor() {
          @Override
          public NodeOutcome execute(NodeInvocation invocation) throws NodeFailedException {
            return traced(() -> super.execute(invocation), invocation, NodeFailedException.class);
          }
        };
    executor.attemptRunner = attempts;
    executor.events = events;
    executor.redactor = redactor;
    executor.settings = TestSettings.workflow();
    WorkflowRunner workflowRunner =
        new WorkflowRunner() {
          @Override
          public RunResult run(RunRequest request) {
            RunResult result = traced(() -> super.run(request), request, RuntimeException.class);
            events.fire(result.ended()); // as WorkflowService does, once the root span has ended
            return result;
          }
        };
    workflowRunner.nodeExecutor = executor;
    workflowRunner.executor = pool;
    workflowRunner.settings = TestSettings.workflow();
    workflowRunner.redactor = redactor;
    workflowRunner.events = events;
    return workflowRunner;
  }

  /** What the run's row would get: its start, its end. */
  private void log(RunEvent event) {
    if (event instanceof RunEvent.RunStarted run) {
      runLog.add("started " + run.runId());
      stored.add(run.inputsJson());
    } else if (event instanceof RunEvent.RunEnded end) {
      runLog.add("finished " + end.status() + " expecting " + end.expectedSpans() + " spans");
      stored.add(end.outputsJson() + " " + end.error());
    }
  }

  @SuppressWarnings("unchecked")
  private <T, E extends Exception> T traced(Callable<T> call, Object operation, Class<E> allowed)
      throws E {
    try {
      return (T) interceptor.trace(new CallInvocation(call::call, operation));
    } catch (Exception e) {
      if (allowed.isInstance(e)) {
        throw allowed.cast(e);
      }
      throw new IllegalStateException(e);
    }
  }
}
