package dev.workflowtracing.workflow;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of node a workflow can contain; the JSON name is the lower-case constant name. */
public enum NodeType {
  LLM,
  HTTP,
  TRANSFORM,
  BRANCH,
  DELAY,
  /** A QA node that fails on demand, to exercise retries and error traces. */
  FAIL;

  public String jsonName() {
    return name().toLowerCase();
  }

  public static Optional<NodeType> fromJson(String name) {
    return Arrays.stream(values()).filter(t -> t.jsonName().equals(name)).findFirst();
  }
}
