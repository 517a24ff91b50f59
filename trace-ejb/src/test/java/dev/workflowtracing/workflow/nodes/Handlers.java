package dev.workflowtracing.workflow.nodes;

import dev.workflowtracing.workflow.TestSettings;
import dev.workflowtracing.workflow.engine.execution.NodeHandler;
import java.util.List;

/** The real node handlers, wired by hand as CDI would (the simulated model answers at once). */
public final class Handlers {

  private Handlers() {}

  public static List<NodeHandler> all() {
    LlmNode llm = new LlmNode();
    llm.simulated = new SimulatedModel();
    llm.openAi = new OpenAiCompatibleModel();
    llm.openAi.settings = TestSettings.workflow();
    llm.settings = TestSettings.workflow();
    return List.of(
        llm,
        new HttpNode(TestSettings.workflow()),
        new TransformNode(),
        new BranchNode(),
        new DelayNode(),
        new FailNode());
  }
}
