package dev.workflowtracing.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WorkflowDefinitionParserTest {

  @Test
  void ordersNodesTopologicallyWhateverTheirListOrder() {
    WorkflowDefinition workflow =
        WorkflowDefinitionParser.parse(
            """
            {"id": "w", "nodes": [
              {"id": "c", "type": "transform", "config": {"set": {}}},
              {"id": "a", "type": "delay", "config": {"ms": 1}},
              {"id": "b", "type": "llm", "config": {"prompt": "hi"},
               "retry": {"maxAttempts": 3, "backoffMs": 10}, "timeoutMs": 500}],
             "edges": [{"from": "a", "to": "b"}, {"from": "b", "to": "c"}]}
            """);

    assertThat(workflow.nodesInOrder())
        .extracting(NodeDefinition::id)
        .containsExactly("a", "b", "c");
    assertThat(workflow.version()).isEqualTo(1);
    NodeDefinition llm = workflow.nodesById().get("b");
    assertThat(llm.retry().maxAttempts()).isEqualTo(3);
    assertThat(llm.timeout()).hasValueSatisfying(t -> assertThat(t.toMillis()).isEqualTo(500));
  }

  @Test
  void rejectsACycleNamingItsNodes() {
    assertThatThrownBy(
            () ->
                WorkflowDefinitionParser.parse(
                    """
                    {"id": "w", "nodes": [
                      {"id": "a", "type": "delay", "config": {"ms": 1}},
                      {"id": "b", "type": "delay", "config": {"ms": 1}}],
                     "edges": [{"from": "a", "to": "b"}, {"from": "b", "to": "a"}]}
                    """))
        .isInstanceOfSatisfying(
            InvalidWorkflowException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly("workflow has a cycle through nodes [a, b]"));
  }

  @Test
  void reportsEveryProblemAtOnce() {
    assertThatThrownBy(
            () ->
                WorkflowDefinitionParser.parse(
                    """
                    {"id": "w", "nodes": [
                      {"id": "a", "type": "teleport"},
                      {"id": "b", "type": "http"},
                      {"id": "c", "type": "branch", "config": {"condition": "true"}},
                      {"id": "d", "type": "delay", "config": {"ms": 1},
                       "retry": {"maxAttempts": 0}},
                      {"id": "e", "type": "llm", "config": {"prompt": "p", "responseFormat": 1}},
                      {"id": "f", "type": "llm", "config": {"prompt": "p", "responseFormat": "json"}}],
                     "edges": [{"from": "b", "to": "nowhere"}, {"from": "c", "to": "d"}]}
                    """))
        .isInstanceOfSatisfying(
            InvalidWorkflowException.class,
            e ->
                assertThat(e.problems())
                    .containsExactlyInAnyOrder(
                        "node \"a\" has unknown type \"teleport\" (known: llm, http, transform,"
                            + " branch, delay, fail)",
                        "node \"b\" of type http needs config \"url\"",
                        "node \"d\" retry.maxAttempts must be between 1 and 10",
                        "node \"e\" config \"responseFormat\" must be \"text\" or \"json\"",
                        "edge b -> nowhere ends at unknown node \"nowhere\"",
                        "edge c -> d leaves a branch node and needs \"when\": \"true\" or"
                            + " \"false\""));
  }

  @Test
  void rejectsTextThatIsNotJson() {
    assertThatThrownBy(() -> WorkflowDefinitionParser.parse("{not json"))
        .isInstanceOf(InvalidWorkflowException.class)
        .hasMessageContaining("not a JSON object");
  }

  @Test
  void rejectsDuplicateNodeIdsAndEmptyWorkflows() {
    assertThatThrownBy(
            () ->
                WorkflowDefinitionParser.parse(
                    """
                    {"id": "w", "nodes": [
                      {"id": "a", "type": "delay", "config": {"ms": 1}},
                      {"id": "a", "type": "delay", "config": {"ms": 1}}]}
                    """))
        .hasMessageContaining("node id \"a\" is used twice");
    assertThatThrownBy(() -> WorkflowDefinitionParser.parse("{\"id\": \"w\", \"nodes\": []}"))
        .hasMessageContaining("at least one node");
  }

  @Test
  void placeholdersMustBePathsAndTextsMustFitTheirColumns() {
    String definition =
        """
        {"id": "dots", "name": "%s", "description": "%s", "nodes": [
          {"id": "t", "type": "transform", "config": {"set": {"a": "${.}", "b": "${...}",
            "c": "${input.name}", "d": "x ${nodes.t.a} y"}}}]}
        """
            .formatted("n".repeat(201), "d".repeat(2001));

    assertThatThrownBy(() -> WorkflowDefinitionParser.parse(definition))
        .isInstanceOfSatisfying(
            InvalidWorkflowException.class,
            e ->
                assertThat(e.problems())
                    .containsExactlyInAnyOrder(
                        "workflow name must be at most 200 characters",
                        "workflow description must be at most 2000 characters",
                        "node \"t\" has placeholder \"${.}\": use input.<name> or"
                            + " nodes.<node id>.<field>",
                        "node \"t\" has placeholder \"${...}\": use input.<name> or"
                            + " nodes.<node id>.<field>"));
  }
}
