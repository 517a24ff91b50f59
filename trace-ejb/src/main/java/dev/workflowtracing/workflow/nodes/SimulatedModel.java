package dev.workflowtracing.workflow.nodes;

import dev.workflowtracing.workflow.engine.execution.NodeExecutionException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * A model that needs no network: the same prompt always gets the same reply and token counts, after
 * the configured latency. Samples, tests and benchmarks use it.
 */
@ApplicationScoped
public class SimulatedModel implements ModelProvider {

  private static final String[] OPENINGS = {
    "Certainly.", "Here is a short answer.", "In brief:", "Summary:", "Answer:"
  };

  @Override
  public String system() {
    return "simulated";
  }

  @Override
  public LlmReply complete(LlmRequest request) throws NodeExecutionException {
    request.deadline().sleep(Duration.ofMillis(request.latencyMs()));
    String prompt = request.prompt();
    String opening = OPENINGS[Math.floorMod(prompt.hashCode(), OPENINGS.length)];
    String gist = Excerpt.of(prompt, 120);
    String text = opening + " (" + request.model() + ") You asked: \"" + gist + "\".";
    return new LlmReply(
        text, request.model(), tokens(request.system() + " " + prompt), tokens(text));
  }

  /** Roughly four characters a token, as for English text. */
  static long tokens(String text) {
    return Math.max(1, (text.strip().length() + 3) / 4);
  }
}
