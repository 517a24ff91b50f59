package dev.workflowtracing.workflow.live;

import dev.workflowtracing.workflow.run.RunEvent;
import dev.workflowtracing.workflow.run.RunStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One run's state, folded from its events in order: the one place where an event changes a node's
 * state on the server (the Canvas's {@code live/liveRun.ts} folds the same events the same way).
 * Not thread-safe: its owner guards it.
 */
final class RunProgress {

  private final String runId;
  private final Map<String, NodeState> nodes = new LinkedHashMap<>();
  private String workflowId;
  private String status = RunStatus.QUEUED.name();
  private String traceId;
  private String rootSpanId;
  private Long startedAt;
  private Long endedAt;
  private String error;

  RunProgress(String runId) {
    this.runId = runId;
  }

  /**
   * Folds the next event in; false (nothing changes) once the run has ended: its first end is its
   * end, as in the store.
   */
  boolean apply(RunEvent event) {
    if (ended()) {
      return false;
    }
    if (event instanceof RunEvent.RunQueued queued) {
      workflowId = queued.workflowId();
      status = RunStatus.QUEUED.name();
    } else if (event instanceof RunEvent.RunStarted started) {
      workflowId = started.workflowId();
      status = RunStatus.RUNNING.name();
      traceId = started.traceId();
      rootSpanId = started.rootSpanId();
      startedAt = started.startedAtMillis();
      started.nodeIds().forEach(id -> nodes.putIfAbsent(id, new NodeState()));
    } else if (event instanceof RunEvent.NodeAttemptStarted attempt) {
      NodeState node = nodes.computeIfAbsent(attempt.nodeId(), id -> new NodeState());
      node.state = "running";
      node.attempt = attempt.attempt();
      node.startedAt = node.startedAt == null ? attempt.startedAtMillis() : node.startedAt;
      node.endedAt = null;
      node.spanId = attempt.nodeSpanId() == null ? node.spanId : attempt.nodeSpanId();
    } else if (event instanceof RunEvent.NodeAttemptEnded attempt) {
      NodeState node = nodes.computeIfAbsent(attempt.nodeId(), id -> new NodeState());
      node.state =
          attempt.cancelled() ? "cancelled" : attempt.error() == null ? "succeeded" : "failed";
      node.attempt = attempt.attempt();
      node.endedAt = attempt.endedAtMillis();
    } else if (event instanceof RunEvent.NodeEnded ended) {
      NodeState node = nodes.computeIfAbsent(ended.node().nodeId(), id -> new NodeState());
      // Its last attempt's end said the same, except when the node failed before any attempt.
      node.state = ended.node().outcome().name().toLowerCase(Locale.ROOT);
      node.endedAt = node.endedAt == null ? ended.endedAtMillis() : node.endedAt;
    } else if (event instanceof RunEvent.RunEnded end) {
      status = end.status().name();
      endedAt = end.endedAtMillis();
      error = end.error();
      for (NodeState node : nodes.values()) {
        if (node.state.equals("queued")) {
          node.state = "skipped";
        } else if (node.state.equals("running")) {
          node.state = "cancelled"; // cut off without an end of its own
          node.endedAt = end.endedAtMillis();
        }
      }
    }
    return true;
  }

  boolean ended() {
    return endedAt != null;
  }

  /** Takes the state of a snapshot made elsewhere (the server executing the run) as its own. */
  void restore(RunSnapshot snapshot) {
    workflowId = snapshot.workflowId();
    status = snapshot.status();
    traceId = snapshot.traceId();
    rootSpanId = snapshot.rootSpanId();
    startedAt = snapshot.startedAtMillis();
    endedAt = snapshot.endedAtMillis();
    error = snapshot.error();
    nodes.clear();
    for (RunSnapshot.Node node : snapshot.nodes()) {
      NodeState state = new NodeState();
      state.state = node.state();
      state.attempt = node.attempt();
      state.startedAt = node.startedAtMillis();
      state.endedAt = node.endedAtMillis();
      state.spanId = node.spanId();
      nodes.put(node.nodeId(), state);
    }
  }

  int nodeCount() {
    return nodes.size();
  }

  RunSnapshot snapshot() {
    List<RunSnapshot.Node> view = new ArrayList<>(nodes.size());
    nodes.forEach(
        (id, n) ->
            view.add(
                new RunSnapshot.Node(id, n.state, n.attempt, n.startedAt, n.endedAt, n.spanId)));
    return new RunSnapshot(
        runId, workflowId, status, traceId, rootSpanId, startedAt, endedAt, error, view);
  }

  private static final class NodeState {
    String state = "queued";
    int attempt;
    Long startedAt;
    Long endedAt;
    String spanId;
  }
}
