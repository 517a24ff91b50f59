package dev.workflowtracing.workflow.engine;

import dev.workflowtracing.trace.RunEnd;
import dev.workflowtracing.trace.RunRecord;
import dev.workflowtracing.trace.RunStatus;
import dev.workflowtracing.trace.RunStore;
import dev.workflowtracing.tracing.Traced;
import dev.workflowtracing.tracing.redaction.Redactor;
import dev.workflowtracing.workflow.EdgeDefinition;
import dev.workflowtracing.workflow.NodeDefinition;
import dev.workflowtracing.workflow.WorkflowDefinition;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a workflow: every node in topological order, skipping nodes that no taken edge reaches (the
 * other side of a branch). The first node that fails for good ends the run as FAILED.
 *
 * <p>No transaction around the run: it can be long, and the run record is written in short
 * transactions of its own ({@link RunStore}).
 */
@Stateless
@Traced
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WorkflowRunner {

  @EJB NodeExecutor nodeExecutor;
  @EJB RunStore runStore;
  @Inject Redactor redactor;

  public RunResult run(RunRequest request) {
    WorkflowDefinition workflow = request.workflow();
    long startedAt = System.currentTimeMillis();
    String traceId = traceIdOf(Span.current().getSpanContext());
    runStore.started(
        new RunRecord(
            request.runId(),
            traceId,
            workflow.id(),
            workflow.version(),
            request.trigger(),
            startedAt,
            redactor.json(request.inputs()).toString()));

    RunState state = new RunState(request.inputs());
    List<String> executed = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    String error = null;
    int spans = 1;
    for (NodeDefinition node : workflow.nodesInOrder()) {
      if (!isReached(workflow, node, state)) {
        skipped.add(node.id());
        continue;
      }
      executed.add(node.id());
      try {
        NodeOutcome outcome =
            nodeExecutor.execute(new NodeInvocation(request.runId(), workflow.id(), node, state));
        state.recordOutput(node.id(), outcome.output());
        spans += 1 + outcome.attempts();
      } catch (NodeFailedException e) {
        error = e.getMessage();
        spans += 1 + e.attempts();
        break;
      }
    }

    RunStatus status = error == null ? RunStatus.SUCCEEDED : RunStatus.FAILED;
    // What the run stores and answers passes the same redaction as its spans.
    JsonObject outputs = (JsonObject) redactor.json(terminalOutputs(workflow, state));
    error = redactor.text(error);
    long endedAt = System.currentTimeMillis();
    runStore.finished(
        new RunEnd(request.runId(), status, endedAt, outputs.toString(), error, spans));
    return new RunResult(
        request.runId(),
        traceId,
        workflow.id(),
        workflow.version(),
        status,
        startedAt,
        endedAt - startedAt,
        (JsonObject) redactor.json(request.inputs()),
        outputs,
        error,
        executed,
        skipped);
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
    var builder = Json.createObjectBuilder();
    for (NodeDefinition node : workflow.nodesInOrder()) {
      if (workflow.outgoing(node.id()).isEmpty()) {
        state.output(node.id()).ifPresent(output -> builder.add(node.id(), output));
      }
    }
    return builder.build();
  }

  private static String traceIdOf(SpanContext context) {
    return context.isValid() ? context.getTraceId() : null;
  }
}
