package dev.workflowtracing.workflow.engine.execution;

import dev.workflowtracing.instrumentation.Traced;
import dev.workflowtracing.instrumentation.redaction.Redactor;
import dev.workflowtracing.json.JsonFactory;
import dev.workflowtracing.workflow.EdgeDefinition;
import dev.workflowtracing.workflow.NodeDefinition;
import dev.workflowtracing.workflow.WorkflowDefinition;
import dev.workflowtracing.workflow.WorkflowSettings;
import dev.workflowtracing.workflow.engine.control.RunControl;
import dev.workflowtracing.workflow.engine.control.RunHandle;
import dev.workflowtracing.workflow.run.NodeRun;
import dev.workflowtracing.workflow.run.RunEvent;
import dev.workflowtracing.workflow.run.RunResult;
import dev.workflowtracing.workflow.run.RunStatus;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs a workflow: every node in topological order, skipping nodes that no taken edge reaches (the
 * other side of a branch). The first node that fails for good ends the run as FAILED; a cancel (see
 * {@link RunControl}) interrupts the running nodes, starts no other and ends the run CANCELLED.
 *
 * <p>No transaction around the run: it can be long. What happens is published as {@link RunEvent}s;
 * the run's row is written by their observer, in short transactions of its own.
 */
@Stateless
@Traced
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WorkflowRunner {

  @EJB NodeExecutor nodeExecutor;
  @Inject Event<RunEvent> events;
  @Inject Redactor redactor;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ExecutorService executor;

  @Inject WorkflowSettings settings;

  public RunResult run(RunRequest request) {
    WorkflowDefinition workflow = request.workflow();
    long startedAt = System.currentTimeMillis();
    String traceId = traceIdOf(Span.current());
    String rootSpanId = traceId == null ? null : Span.current().getSpanContext().getSpanId();
    // What the run stores and answers passes the same redaction as its spans.
    JsonObject inputs = (JsonObject) redactor.json(request.inputs());
    events.fire(
        new RunEvent.RunStarted(
            request.runId(),
            traceId,
            rootSpanId,
            workflow.id(),
            workflow.version(),
            request.trigger(),
            startedAt,
            inputs.toString(),
            workflow.nodesInOrder().stream().map(NodeDefinition::id).toList(),
            request.fromQueue()));

    RunState state = new RunState(request.inputs());
    List<String> executed = Collections.synchronizedList(new ArrayList<>());
    List<String> skipped = new ArrayList<>();
    String error = null;
    int spans = 1;
    try {
      for (List<NodeDefinition> wave : workflow.waves()) {
        if (request.handle().isCancelled()) {
          break;
        }
        List<NodeDefinition> reached = new ArrayList<>();
        for (NodeDefinition node : wave) {
          if (isReached(workflow, node, state)) {
            reached.add(node);
          } else {
            skipped.add(node.id());
          }
        }
        WaveResult result = runWave(request, reached, state, executed);
        spans += result.spans();
        if (result.error() != null) {
          error = result.error();
          break;
        }
      }
    } catch (RuntimeException e) {
      // A fault of the engine itself still ends the run, so that it never stays RUNNING.
      error = "The run stopped unexpectedly: " + e;
    }

    RunStatus status = error == null ? RunStatus.SUCCEEDED : RunStatus.FAILED;
    if (request.handle().isCancelled()) {
      status = RunStatus.CANCELLED;
      error = request.handle().cancelReason();
    }
    JsonObject outputs = (JsonObject) redactor.json(terminalOutputs(workflow, state));
    error = redactor.text(error);
    long endedAt = System.currentTimeMillis();
    // The caller announces the end (RunResult.ended) once this method's root span has ended.
    return new RunResult(
        request.runId(),
        traceId,
        workflow.id(),
        workflow.version(),
        status,
        startedAt,
        endedAt - startedAt,
        inputs,
        outputs,
        error,
        inWorkflowOrder(workflow, executed),
        skipped,
        spans,
        state.usage().total(),
        state.nodeRuns());
  }

  /** What a wave of nodes produced: spans, and the first failure if any. */
  private record WaveResult(int spans, String error) {}

  /**
   * Runs the nodes of one wave: one by one when there is a single node, otherwise at most {@code
   * workflow.parallelism} at a time on the managed executor, each carrying the run's trace context
   * so its spans stay children of the root.
   */
  private WaveResult runWave(
      RunRequest request, List<NodeDefinition> nodes, RunState state, List<String> executed) {
    if (nodes.size() == 1) {
      return runNode(request, nodes.get(0), state, executed);
    }
    int spans = 0;
    String error = null;
    Context context = Context.current();
    for (int from = 0;
        from < nodes.size() && !request.handle().isCancelled();
        from += settings.parallelism()) {
      List<Callable<WaveResult>> tasks =
          nodes.subList(from, Math.min(nodes.size(), from + settings.parallelism())).stream()
              .map(node -> context.wrap(() -> runNode(request, node, state, executed)))
              .toList();
      for (Future<WaveResult> done : invokeAll(tasks)) {
        WaveResult result = resultOf(done);
        spans += result.spans();
        error = error == null ? result.error() : error;
      }
    }
    return new WaveResult(spans, error);
  }

  private WaveResult runNode(
      RunRequest request, NodeDefinition node, RunState state, List<String> executed) {
    RunHandle run = request.handle();
    if (!run.enter()) {
      return new WaveResult(0, null); // cancelled: the node does not start
    }
    executed.add(node.id());
    NodeInvocation invocation =
        new NodeInvocation(run, request.workflow().id(), request.workflow().version(), node, state);
    long started = System.nanoTime();
    try {
      NodeOutcome outcome = nodeExecutor.execute(invocation);
      state.recordOutput(node.id(), outcome.output());
      ended(
          run,
          state.recordNodeRun(
              node.id(), millisSince(started), outcome.attempts(), NodeRun.Outcome.SUCCEEDED));
      return new WaveResult(1 + outcome.attempts(), null);
    } catch (NodeFailedException e) {
      ended(
          run,
          state.recordNodeRun(
              node.id(),
              millisSince(started),
              e.attempts(),
              run.isCancelled() ? NodeRun.Outcome.CANCELLED : NodeRun.Outcome.FAILED));
      return new WaveResult(1 + e.attempts(), e.getMessage());
    } catch (RuntimeException e) {
      ended(run, state.recordNodeRun(node.id(), millisSince(started), 0, NodeRun.Outcome.FAILED));
      // No attempt ran; the node has a span if the call reached the interceptor.
      return new WaveResult(
          invocation.hasSpan() ? 1 : 0, "Node " + node.id() + " failed unexpectedly: " + e);
    } finally {
      run.exit();
    }
  }

  private void ended(RunHandle run, NodeRun node) {
    events.fire(new RunEvent.NodeEnded(run.runId(), node, System.currentTimeMillis()));
  }

  private static long millisSince(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }

  private List<Future<WaveResult>> invokeAll(List<Callable<WaveResult>> tasks) {
    try {
      return executor.invokeAll(tasks);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running a wave of nodes", e);
    }
  }

  private static WaveResult resultOf(Future<WaveResult> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      return new WaveResult(0, "Node failed unexpectedly: " + e.getCause());
    }
  }

  /** The nodes that ran, in the workflow's order (parallel nodes start in any order). */
  private static List<String> inWorkflowOrder(WorkflowDefinition workflow, List<String> nodeIds) {
    Set<String> ran = Set.copyOf(nodeIds);
    return workflow.nodesInOrder().stream().map(NodeDefinition::id).filter(ran::contains).toList();
  }

  /** A start node is always reached; any other node when at least one incoming edge was taken. */
  static boolean isReached(WorkflowDefinition workflow, NodeDefinition node, RunState state) {
    List<EdgeDefinition> incoming = workflow.incoming(node.id());
    return incoming.isEmpty() || incoming.stream().anyMatch(edge -> isTaken(edge, state));
  }

  private static boolean isTaken(EdgeDefinition edge, RunState state) {
    return state
        .output(edge.from())
        .map(
            output ->
                edge.when().isEmpty()
                    || edge.when().get().equals(String.valueOf(output.get("result"))))
        .orElse(false);
  }

  /** Outputs of the executed nodes that have no outgoing edges: the workflow's results. */
  private static JsonObject terminalOutputs(WorkflowDefinition workflow, RunState state) {
    var builder = JsonFactory.createObjectBuilder();
    for (NodeDefinition node : workflow.nodesInOrder()) {
      if (workflow.outgoing(node.id()).isEmpty()) {
        state.output(node.id()).ifPresent(output -> builder.add(node.id(), output));
      }
    }
    return builder.build();
  }

  /**
   * The run's trace, if it records one: a run sampled out, or started while recording is paused,
   * has none to show, even when a caller's traceparent gave its no-op span a trace id.
   */
  private static String traceIdOf(Span root) {
    return root.isRecording() ? root.getSpanContext().getTraceId() : null;
  }
}
