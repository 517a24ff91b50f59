package dev.workflowtracing.workflow.engine.execution;

import dev.workflowtracing.workflow.Placeholders;
import dev.workflowtracing.workflow.run.NodeRun;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a run knows so far: its inputs, each finished node's output, and its model usage. Templates
 * read it with dotted paths: {@code input.name}, {@code nodes.ask.text}.
 */
public final class RunState {

  private final JsonObject input;
  private final Map<String, JsonObject> outputs = new ConcurrentHashMap<>();
  private final UsageTally usage = new UsageTally();
  private final List<NodeRun> nodeRuns = Collections.synchronizedList(new ArrayList<>());

  public RunState(JsonObject input) {
    this.input = input;
  }

  public JsonObject input() {
    return input;
  }

  /** A node's execution ended (nodes of one wave end at once, hence the synchronised list). */
  NodeRun recordNodeRun(String nodeId, long durationMs, int attempts, NodeRun.Outcome outcome) {
    UsageTally.NodeUsage used = usage.ofNode(nodeId);
    NodeRun run =
        new NodeRun(
            nodeId,
            durationMs,
            attempts,
            outcome,
            used.inputTokens(),
            used.outputTokens(),
            used.costNanos());
    nodeRuns.add(run);
    return run;
  }

  /** The nodes executed so far, in the order they ended. */
  public List<NodeRun> nodeRuns() {
    synchronized (nodeRuns) {
      return List.copyOf(nodeRuns);
    }
  }

  /** The run's model usage so far. */
  public UsageTally usage() {
    return usage;
  }

  public void recordOutput(String nodeId, JsonObject output) {
    outputs.put(nodeId, output);
  }

  public Optional<JsonObject> output(String nodeId) {
    return Optional.ofNullable(outputs.get(nodeId));
  }

  /** The value at a dotted path; empty for an unknown path or one that is not a path at all. */
  public Optional<JsonValue> lookup(String path) {
    if (!Placeholders.isPath(path)) {
      return Optional.empty();
    }
    String[] parts = path.trim().split("\\.");
    JsonValue current;
    int next;
    if (parts[0].equals("input")) {
      current = input;
      next = 1;
    } else if (parts[0].equals("nodes") && parts.length > 1 && outputs.containsKey(parts[1])) {
      current = outputs.get(parts[1]);
      next = 2;
    } else {
      return Optional.empty();
    }
    for (int i = next; i < parts.length; i++) {
      if (!(current instanceof JsonObject object) || !object.containsKey(parts[i])) {
        return Optional.empty();
      }
      current = object.get(parts[i]);
    }
    return Optional.of(current);
  }
}
