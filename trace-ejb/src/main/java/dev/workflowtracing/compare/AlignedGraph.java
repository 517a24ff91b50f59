package dev.workflowtracing.compare;

import dev.workflowtracing.workflow.EdgeDefinition;
import dev.workflowtracing.workflow.NodeDefinition;
import dev.workflowtracing.workflow.WorkflowDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The union of two versions' graphs, nodes aligned by id: the right side's nodes in its order, then
 * those only the left side has. The same version on both sides gives that version's graph.
 */
public record AlignedGraph(List<AlignedNode> nodes, List<AlignedEdge> edges) {

  public static AlignedGraph of(WorkflowDefinition left, WorkflowDefinition right) {
    Map<String, NodeDefinition> leftNodes = left.nodesById();
    Map<String, NodeDefinition> rightNodes = right.nodesById();
    List<AlignedNode> nodes = new ArrayList<>();
    for (NodeDefinition node : right.nodesInOrder()) {
      nodes.add(
          aligned(node, leftNodes.containsKey(node.id()) ? AlignedNode.BOTH : AlignedNode.RIGHT));
    }
    for (NodeDefinition node : left.nodesInOrder()) {
      if (!rightNodes.containsKey(node.id())) {
        nodes.add(aligned(node, AlignedNode.LEFT));
      }
    }
    Set<EdgeKey> leftEdges = keys(left.edges());
    Set<EdgeKey> rightEdges = keys(right.edges());
    Map<EdgeKey, AlignedEdge> edges = new LinkedHashMap<>();
    for (EdgeKey edge : rightEdges) {
      edges.put(
          edge, edge.aligned(leftEdges.contains(edge) ? AlignedNode.BOTH : AlignedNode.RIGHT));
    }
    for (EdgeKey edge : leftEdges) {
      edges.putIfAbsent(edge, edge.aligned(AlignedNode.LEFT));
    }
    return new AlignedGraph(List.copyOf(nodes), List.copyOf(edges.values()));
  }

  private static AlignedNode aligned(NodeDefinition node, String presence) {
    return new AlignedNode(node.id(), node.type().jsonName(), node.label(), presence);
  }

  private static Set<EdgeKey> keys(List<EdgeDefinition> edges) {
    return edges.stream()
        .map(e -> new EdgeKey(e.from(), e.to(), e.when().orElse(null)))
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  private record EdgeKey(String from, String to, String when) {
    AlignedEdge aligned(String presence) {
      return new AlignedEdge(from, to, when, presence);
    }
  }
}
