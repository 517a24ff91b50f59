package dev.workflowtracing.workflow;

import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The engine's and the nodes' settings, {@code workflow.*}, read once (docs/configuration.md).
 *
 * @param llmEndpoint base URL of an OpenAI-compatible API; empty when not set
 * @param llmApiKey secret; empty when not set, never recorded on a span
 * @param prices what model calls cost ({@code workflow.llm.prices}, {@code workflow.llm.currency})
 */
public record WorkflowSettings(
    boolean samplesEnabled,
    int parallelism,
    Duration nodeDefaultTimeout,
    Duration runDefaultTimeout,
    String llmProvider,
    long llmSimulatedLatencyMs,
    Optional<String> llmEndpoint,
    Optional<String> llmApiKey,
    Duration httpConnectTimeout,
    int queueMaxDepth,
    PriceTable prices) {

  public static WorkflowSettings from(Config config) {
    return new WorkflowSettings(
        config.getValue("workflow.samples.enabled", Boolean.class),
        config.getValue("workflow.parallelism", Integer.class),
        Duration.ofMillis(config.getValue("workflow.node.default-timeout-ms", Long.class)),
        Duration.ofMillis(config.getValue("workflow.run.timeout-ms", Long.class)),
        config.getValue("workflow.llm.provider", String.class),
        config.getValue("workflow.llm.simulated.latency-ms", Long.class),
        // MicroProfile Config treats an empty value as missing.
        config.getOptionalValue("workflow.llm.endpoint", String.class),
        config.getOptionalValue("workflow.llm.api-key", String.class),
        Duration.ofMillis(config.getValue("workflow.http.connect-timeout-ms", Long.class)),
        config.getValue("workflow.queue.max-depth", Integer.class),
        PriceTable.parse(
            config.getOptionalValue(PriceTable.PRICES_KEY, String.class).orElse(""),
            config.getValue(PriceTable.CURRENCY_KEY, String.class)));
  }
}
