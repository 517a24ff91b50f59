package dev.workflowtracing.workflow.engine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowtracing.workflow.RetryPolicy;
import jakarta.json.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyAndTemplatesTest {

  @Test
  void backoffGrowsByTheMultiplierFromTheSecondAttempt() {
    RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(100), 2.0);

    assertThat(policy.backoffBeforeAttempt(1)).isEqualTo(Duration.ZERO);
    assertThat(policy.backoffBeforeAttempt(2)).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.backoffBeforeAttempt(3)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.backoffBeforeAttempt(4)).isEqualTo(Duration.ofMillis(400));
  }

  @Test
  void templatesReadInputsAndNodeOutputs() {
    RunState state = new RunState(Json.createObjectBuilder().add("name", "Ada").build());
    state.recordOutput("ask", Json.createObjectBuilder().add("tokens", 12).build());

    assertThat(Templates.resolve("Hi ${input.name}, ${nodes.ask.tokens} tokens", state))
        .isEqualTo("Hi Ada, 12 tokens");
    assertThat(Templates.resolve("missing: [${input.nope}] [${nodes.x.y}]", state))
        .isEqualTo("missing: [] []");
    // A lone placeholder keeps the JSON type of its value.
    assertThat(Templates.resolve(Json.createValue("${nodes.ask.tokens}"), state))
        .isEqualTo(Json.createValue(12));
  }
}
