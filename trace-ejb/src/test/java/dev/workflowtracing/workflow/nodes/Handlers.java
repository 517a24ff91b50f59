package dev.workflowtracing.workflow.nodes;

import dev.workflowtracing.workflow.engine.NodeHandler;
import java.util.List;

/** The real node handlers, wired by hand as CDI would (the simulated model answers at once). */
public final class Handlers {

  private Handlers() {}

  public static List<NodeHandler> all() {
    LlmNode llm = new LlmNode();
    llm.simulated = new SimulatedModel();
    llm.openAi = new OpenAiCompatibleModel();
    llm.defaultProvider = "simulated";
    llm.defaultLatencyMs = 0;
    return List.of(
        llm,
        new HttpNode(1000),
        new TransformNode(),
        new BranchNode(),
        new DelayNode(),
        new FailNode());
  }
}
