package dev.workflowtracing.workflow;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A validated workflow: nodes in topological order and the edges between them. */
public record WorkflowDefinition(
    String id,
    int version,
    String name,
    String description,
    List<NodeDefinition> nodesInOrder,
    List<EdgeDefinition> edges) {

  public Map<String, NodeDefinition> nodesById() {
    return nodesInOrder.stream().collect(Collectors.toMap(NodeDefinition::id, Function.identity()));
  }

  public List<EdgeDefinition> incoming(String nodeId) {
    return edges.stream().filter(e -> e.to().equals(nodeId)).toList();
  }

  public List<EdgeDefinition> outgoing(String nodeId) {
    return edges.stream().filter(e -> e.from().equals(nodeId)).toList();
  }
}
