package dev.workflowtracing.conventions;

/**
 * The names of a workflow trace's spans, for people reading traces in any OpenTelemetry backend.
 * Written here only; no code reads them back (the role says what a span is: {@link SpanRole}).
 */
public final class SpanNames {

  private SpanNames() {}

  /** The root: {@code run hello-llm}. */
  public static String run(String workflowId) {
    return "run " + workflowId;
  }

  /** A node: its type and id, {@code llm ask}. */
  public static String node(String nodeType, String nodeId) {
    return nodeType + " " + nodeId;
  }

  /** An attempt: {@code ask attempt 2}. */
  public static String attempt(String nodeId, int attempt) {
    return nodeId + " attempt " + attempt;
  }

  /** The producer span that puts a run on the run queue: {@code enqueue run hello-llm}. */
  public static String enqueue(String workflowId) {
    return "enqueue " + run(workflowId);
  }
}
