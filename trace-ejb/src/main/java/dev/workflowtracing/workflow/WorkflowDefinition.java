package dev.workflowtracing.workflow;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A validated workflow: nodes in topological order and the edges between them.
 *
 * @param timeout limit for a whole run; empty means the engine default ({@code
 *     workflow.run.timeout-ms})
 */
public record WorkflowDefinition(
    String id,
    int version,
    String name,
    String description,
    List<NodeDefinition> nodesInOrder,
    List<EdgeDefinition> edges,
    Optional<Duration> timeout) {

  public Map<String, NodeDefinition> nodesById() {
    return nodesInOrder.stream().collect(Collectors.toMap(NodeDefinition::id, Function.identity()));
  }

  /**
   * The nodes in waves: a node's wave is one more than the latest wave of its predecessors, so the
   * nodes of one wave never depend on each other and may run at the same time.
   */
  public List<List<NodeDefinition>> waves() {
    Map<String, Integer> wave = new java.util.HashMap<>();
    List<List<NodeDefinition>> waves = new java.util.ArrayList<>();
    Map<String, List<EdgeDefinition>> incoming =
        edges.stream().collect(Collectors.groupingBy(EdgeDefinition::to));
    for (NodeDefinition node : nodesInOrder) {
      int level =
          incoming.getOrDefault(node.id(), List.of()).stream()
              .mapToInt(e -> wave.get(e.from()) + 1)
              .max()
              .orElse(0);
      wave.put(node.id(), level);
      while (waves.size() <= level) {
        waves.add(new java.util.ArrayList<>());
      }
      waves.get(level).add(node);
    }
    return waves;
  }

  public List<EdgeDefinition> incoming(String nodeId) {
    return edges.stream().filter(e -> e.to().equals(nodeId)).toList();
  }

  public List<EdgeDefinition> outgoing(String nodeId) {
    return edges.stream().filter(e -> e.from().equals(nodeId)).toList();
  }
}
