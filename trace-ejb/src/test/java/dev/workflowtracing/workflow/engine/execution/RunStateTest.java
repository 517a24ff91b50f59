package dev.workflowtracing.workflow.engine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

class RunStateTest {

  private final RunState state =
      new RunState(Json.createObjectBuilder().add("name", "Ada").build());

  @Test
  void readsDottedPaths() {
    assertThat(state.lookup("input.name")).map(Templates::text).contains("Ada");
    assertThat(state.lookup(" input.name ")).isPresent();
    assertThat(state.lookup("input.missing")).isEmpty();
  }

  @Test
  void whatIsNotAPathIsUnknownRatherThanAFailure() {
    for (String notAPath : new String[] {".", "...", "", " ", "input..name", "nodes", ".input"}) {
      assertThat(state.lookup(notAPath)).as(notAPath).isEmpty();
    }
    assertThat(Templates.resolve("a${.}b${...}c", state)).isEqualTo("abc");
  }
}
