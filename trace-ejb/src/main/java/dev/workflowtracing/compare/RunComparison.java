package dev.workflowtracing.compare;

import dev.workflowtracing.conventions.SpanRole;
import dev.workflowtracing.json.JsonText;
import dev.workflowtracing.tracestore.SpanRecord;
import dev.workflowtracing.tracestore.StoredArtifact;
import dev.workflowtracing.tracestore.TraceQueries;
import dev.workflowtracing.tracestore.read.RunView;
import dev.workflowtracing.tracestore.read.UsageView;
import dev.workflowtracing.workflow.WorkflowCatalog;
import dev.workflowtracing.workflow.WorkflowDefinition;
import dev.workflowtracing.workflow.WorkflowNotFoundException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Compares two stored runs of one workflow. The callers check that both exist, belong to one
 * workflow and were traced; a node's texts are read only when that node is asked for.
 */
@Stateless
public class RunComparison {

  /** The order a node's texts are shown in; other kinds follow by name. */
  private static final List<String> TEXT_ORDER =
      List.of("input", "request", "prompt", "response", "output", "error");

  @EJB TraceQueries queries;
  @EJB WorkflowCatalog catalog;

  public RunComparisonView compare(RunView left, RunView right, Optional<String> nodeId) {
    AlignedGraph graph = AlignedGraph.of(definition(left), definition(right));
    List<SpanRecord> leftSpans = queries.spans(left.traceId());
    List<SpanRecord> rightSpans = queries.spans(right.traceId());
    Map<String, NodeSide> leftNodes = RunNodes.of(leftSpans);
    Map<String, NodeSide> rightNodes = RunNodes.of(rightSpans);
    List<NodeComparison> nodes = new ArrayList<>(graph.nodes().size());
    Map<String, Integer> changes = new TreeMap<>();
    for (AlignedNode node : graph.nodes()) {
      NodeComparison compared =
          NodeComparison.of(node, leftNodes.get(node.id()), rightNodes.get(node.id()));
      nodes.add(compared);
      changes.merge(compared.change(), 1, Integer::sum);
    }
    return new RunComparisonView(
        left.workflowId(),
        left,
        right,
        changes,
        total(left, right),
        nodes,
        graph.edges(),
        nodeId
            .map(
                id ->
                    new RunComparisonView.NodeTexts(
                        id,
                        texts(
                            texts(left.traceId(), leftSpans, leftNodes.get(id)),
                            texts(right.traceId(), rightSpans, rightNodes.get(id)))))
            .orElse(null));
  }

  private WorkflowDefinition definition(RunView run) {
    return catalog
        .definition(run.workflowId(), run.workflowVersion())
        .orElseThrow(() -> new WorkflowNotFoundException(run.workflowId()));
  }

  private static NodeDifference total(RunView left, RunView right) {
    NodeSide l = side(left);
    NodeSide r = side(right);
    return NodeDifference.between(l, r);
  }

  /** A run's totals in the shape of a node's, to take one difference. */
  private static NodeSide side(RunView run) {
    UsageView usage = run.usage();
    return NodeSide.of(
        run.status(),
        0,
        run.durationMs() == null ? 0 : run.durationMs(),
        usage == null ? 0 : usage.inputTokens(),
        usage == null ? 0 : usage.outputTokens(),
        usage == null ? null : usage.costNanos(),
        null);
  }

  /**
   * A node's texts on one side by kind: its span's (input, output) and error message, and its last
   * attempt's (prompt, request, response); JSON one member per line, so the diff shows what
   * changed.
   */
  private Map<String, TextDiff.StoredText> texts(
      String traceId, List<SpanRecord> spans, NodeSide node) {
    Map<String, TextDiff.StoredText> texts = new LinkedHashMap<>();
    if (node == null) {
      return texts;
    }
    List<String> spanIds = new ArrayList<>(List.of(node.spanId()));
    spans.stream()
        .filter(s -> node.spanId().equals(s.getParentSpanId()))
        .filter(s -> SpanRole.ATTEMPT.value().equals(s.getRole()))
        .max(Comparator.comparingLong(SpanRecord::getStartNanos))
        .ifPresent(attempt -> spanIds.add(attempt.getSpanId()));
    spans.stream()
        .filter(s -> node.spanId().equals(s.getSpanId()) && s.getStatusMessage() != null)
        .filter(s -> "ERROR".equals(s.getStatusCode()))
        .findFirst()
        .ifPresent(s -> texts.put("error", new TextDiff.StoredText(s.getStatusMessage(), false)));
    for (String spanId : spanIds) {
      for (StoredArtifact artifact : queries.artifacts(traceId, spanId)) {
        String text =
            artifact.contentType() != null && artifact.contentType().contains("json")
                ? JsonText.prettyPrinted(artifact.content())
                : artifact.content();
        texts.put(artifact.kind(), new TextDiff.StoredText(text, artifact.truncated()));
      }
    }
    return texts;
  }

  private static List<TextDiff> texts(
      Map<String, TextDiff.StoredText> left, Map<String, TextDiff.StoredText> right) {
    TreeMap<String, Void> kinds = new TreeMap<>(RunComparison::byTextOrder);
    left.keySet().forEach(kind -> kinds.put(kind, null));
    right.keySet().forEach(kind -> kinds.put(kind, null));
    return kinds.keySet().stream()
        .map(kind -> TextDiff.of(kind, left.get(kind), right.get(kind)))
        .toList();
  }

  private static int byTextOrder(String a, String b) {
    int ia = TEXT_ORDER.indexOf(a);
    int ib = TEXT_ORDER.indexOf(b);
    if (ia < 0 && ib < 0) {
      return a.compareTo(b);
    }
    return Integer.compare(ia < 0 ? TEXT_ORDER.size() : ia, ib < 0 ? TEXT_ORDER.size() : ib);
  }
}
