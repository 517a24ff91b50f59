package dev.workflowtracing.workflow.nodes;

import static dev.workflowtracing.conventions.WorkflowAttributes.COST_CURRENCY;
import static dev.workflowtracing.conventions.WorkflowAttributes.COST_NANOS;
import static dev.workflowtracing.conventions.WorkflowAttributes.GEN_AI_INPUT_TOKENS;
import static dev.workflowtracing.conventions.WorkflowAttributes.GEN_AI_OPERATION;
import static dev.workflowtracing.conventions.WorkflowAttributes.GEN_AI_OUTPUT_TOKENS;
import static dev.workflowtracing.conventions.WorkflowAttributes.GEN_AI_REQUEST_MODEL;
import static dev.workflowtracing.conventions.WorkflowAttributes.GEN_AI_RESPONSE_MODEL;
import static dev.workflowtracing.conventions.WorkflowAttributes.GEN_AI_SYSTEM;
import static dev.workflowtracing.conventions.WorkflowAttributes.GEN_AI_USAGE_COST;

import dev.workflowtracing.conventions.Artifacts;
import dev.workflowtracing.json.JsonFactory;
import dev.workflowtracing.workflow.NodeType;
import dev.workflowtracing.workflow.WorkflowSettings;
import dev.workflowtracing.workflow.engine.execution.NodeAttempt;
import dev.workflowtracing.workflow.engine.execution.NodeExecutionException;
import dev.workflowtracing.workflow.engine.execution.NodeHandler;
import dev.workflowtracing.workflow.engine.execution.Templates;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.OptionalLong;

/**
 * Asks a model: {@code config.prompt} (templated), optional {@code system}, {@code model}, {@code
 * provider} ("simulated" or "openai", default {@code workflow.llm.provider}) and {@code latencyMs}
 * for the simulation. The attempt span gets the GenAI semantic-convention attributes, its cost when
 * the model has a price ({@code workflow.llm.prices}), and the prompt and response as artifacts.
 * With {@code responseFormat} "json" a reply that is not a JSON value fails the attempt after its
 * tokens were spent (they count as spent on failed attempts); its output then carries the parsed
 * {@code json} too.
 */
@ApplicationScoped
public class LlmNode implements NodeHandler {

  @Inject SimulatedModel simulated;
  @Inject OpenAiCompatibleModel openAi;

  @Inject WorkflowSettings settings;

  @Override
  public NodeType type() {
    return NodeType.LLM;
  }

  @Override
  public JsonObject execute(NodeAttempt attempt) throws NodeExecutionException {
    var node = attempt.node();
    var state = attempt.state();
    ModelProvider provider =
        "openai".equals(node.configString("provider", settings.llmProvider())) ? openAi : simulated;
    var request =
        new LlmRequest(
            node.configString("model", "sim-small"),
            Templates.resolve(node.configString("system", ""), state),
            Templates.resolve(node.configString("prompt", ""), state),
            node.configLong("latencyMs", settings.llmSimulatedLatencyMs()),
            attempt.deadline());

    Span span = Span.current();
    span.setAttribute(GEN_AI_OPERATION, "chat");
    span.setAttribute(GEN_AI_SYSTEM, provider.system());
    span.setAttribute(GEN_AI_REQUEST_MODEL, request.model());
    Artifacts.record(span, "prompt", "text/plain", request.prompt());

    LlmReply reply = provider.complete(request);

    span.setAttribute(GEN_AI_RESPONSE_MODEL, reply.model());
    span.setAttribute(GEN_AI_INPUT_TOKENS, reply.inputTokens());
    span.setAttribute(GEN_AI_OUTPUT_TOKENS, reply.outputTokens());
    // Priced by the model that answered, else by the one asked for (a provider may answer with a
    // dated name of the asked one).
    OptionalLong cost =
        settings.prices().costNanos(reply.model(), reply.inputTokens(), reply.outputTokens());
    if (cost.isEmpty()) {
      cost =
          settings.prices().costNanos(request.model(), reply.inputTokens(), reply.outputTokens());
    }
    if (cost.isPresent()) {
      span.setAttribute(COST_NANOS, cost.getAsLong());
      span.setAttribute(GEN_AI_USAGE_COST, cost.getAsLong() / 1e9);
      span.setAttribute(COST_CURRENCY, settings.prices().currency());
    }
    attempt.recordUsage(
        reply.inputTokens(), reply.outputTokens(), cost.isPresent() ? cost.getAsLong() : null);
    Artifacts.record(span, "response", "text/plain", reply.text());
    var output =
        JsonFactory.createObjectBuilder()
            .add("text", reply.text())
            .add("model", reply.model())
            .add("inputTokens", reply.inputTokens())
            .add("outputTokens", reply.outputTokens());
    if (JSON_FORMAT.equals(node.configString(RESPONSE_FORMAT, "text"))) {
      output.add("json", json(reply.text()));
    }
    return output.build();
  }

  // The config key and value that ask for a reply in JSON (WorkflowDefinitionParser checks them).
  private static final String RESPONSE_FORMAT = "responseFormat";
  private static final String JSON_FORMAT = "json";

  private static JsonValue json(String reply) throws NodeExecutionException {
    try (var reader = JsonFactory.createReader(new StringReader(reply))) {
      return reader.readValue();
    } catch (JsonException | IllegalStateException e) {
      throw new NodeExecutionException(
          "The model's reply is not JSON (responseFormat \"json\"): " + Excerpt.of(reply, 80));
    }
  }
}
