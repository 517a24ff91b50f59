package dev.workflowtracing.workflow;

import dev.workflowtracing.json.JsonFactory;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns workflow JSON into a {@link WorkflowDefinition}, collecting every problem (unknown node
 * type, dangling edge, cycle, missing setting) instead of stopping at the first.
 *
 * <p>Longer than most classes on purpose: it is the one list of what makes a definition valid, read
 * top to bottom in the order a definition is written.
 */
public final class WorkflowDefinitionParser {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
  private static final int MAX_NODES = 10_000;
  private static final int MAX_ATTEMPTS = 10;
  private static final int MAX_RUN_TIMEOUT_MS = 86_400_000;

  // The columns of the workflows table (V1 migration).
  private static final int MAX_NAME_LENGTH = 200;
  private static final int MAX_DESCRIPTION_LENGTH = 2000;

  private final List<String> problems = new ArrayList<>();

  private WorkflowDefinitionParser() {}

  public static WorkflowDefinition parse(String json) {
    JsonObject root;
    try (var reader = JsonFactory.createReader(new StringReader(json))) {
      root = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new InvalidWorkflowException(
          List.of("definition is not a JSON object: " + e.getMessage()));
    }
    return parse(root);
  }

  public static WorkflowDefinition parse(JsonObject root) {
    return new WorkflowDefinitionParser().read(root);
  }

  private WorkflowDefinition read(JsonObject root) {
    String id = requiredId(root, "id", "workflow");
    int version = root.containsKey("version") ? intValue(root, "version", "workflow", 1) : 1;
    if (version < 1) {
      problems.add("workflow version must be 1 or more");
    }
    String name = optionalString(root, "name").orElse(id);
    String description = optionalString(root, "description").orElse("");
    if (name != null && name.length() > MAX_NAME_LENGTH) {
      problems.add("workflow name must be at most " + MAX_NAME_LENGTH + " characters");
    }
    if (description.length() > MAX_DESCRIPTION_LENGTH) {
      problems.add(
          "workflow description must be at most " + MAX_DESCRIPTION_LENGTH + " characters");
    }

    Optional<Duration> timeout = Optional.empty();
    if (root.containsKey("timeoutMs")) {
      long ms = intValue(root, "timeoutMs", "workflow", 0);
      if (ms < 1 || ms > MAX_RUN_TIMEOUT_MS) {
        problems.add("workflow timeoutMs must be between 1 and " + MAX_RUN_TIMEOUT_MS);
      }
      timeout = Optional.of(Duration.ofMillis(ms));
    }

    Map<String, NodeDefinition> nodes = readNodes(root);
    List<EdgeDefinition> edges = readEdges(root, nodes);
    List<NodeDefinition> ordered = problems.isEmpty() ? topologicalOrder(nodes, edges) : List.of();
    if (!problems.isEmpty()) {
      throw new InvalidWorkflowException(problems);
    }
    return new WorkflowDefinition(id, version, name, description, ordered, edges, timeout);
  }

  private Map<String, NodeDefinition> readNodes(JsonObject root) {
    Map<String, NodeDefinition> nodes = new LinkedHashMap<>();
    JsonArray array = array(root, "nodes");
    if (array == null || array.isEmpty()) {
      problems.add("workflow must have at least one node in \"nodes\"");
      return nodes;
    }
    if (array.size() > MAX_NODES) {
      problems.add(
          "workflow has " + array.size() + " nodes; at most " + MAX_NODES + " are allowed");
      return nodes;
    }
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
        problems.add("nodes[" + i + "] must be an object");
        continue;
      }
      NodeDefinition node = readNode(array.getJsonObject(i), "nodes[" + i + "]");
      if (node != null && nodes.putIfAbsent(node.id(), node) != null) {
        problems.add("node id \"" + node.id() + "\" is used twice");
      }
    }
    return nodes;
  }

  private NodeDefinition readNode(JsonObject json, String where) {
    String id = requiredId(json, "id", where);
    String typeName = optionalString(json, "type").orElse(null);
    if (typeName == null) {
      problems.add(where + " (\"" + id + "\") has no \"type\"");
      return null;
    }
    Optional<NodeType> type = NodeType.fromJson(typeName);
    if (type.isEmpty()) {
      problems.add(
          "node \""
              + id
              + "\" has unknown type \""
              + typeName
              + "\" (known: llm, http, transform, branch, delay, fail)");
      return null;
    }
    JsonObject config =
        json.containsKey("config") && json.get("config") instanceof JsonObject o
            ? o
            : JsonValue.EMPTY_JSON_OBJECT;
    requireConfig(id, type.get(), config);
    checkPlaceholders(id, config);
    RetryPolicy retry = readRetry(json, id);
    Optional<Duration> timeout = Optional.empty();
    if (json.containsKey("timeoutMs")) {
      long ms = intValue(json, "timeoutMs", "node \"" + id + "\"", 0);
      if (ms < 1 || ms > 600_000) {
        problems.add("node \"" + id + "\" timeoutMs must be between 1 and 600000");
      }
      timeout = Optional.of(Duration.ofMillis(ms));
    }
    String label = optionalString(json, "label").orElse(id);
    return id == null ? null : new NodeDefinition(id, type.get(), label, config, retry, timeout);
  }

  /** Every {@code ${path}} in the node's configuration names something a run can have. */
  private void checkPlaceholders(String id, JsonValue config) {
    if (config instanceof JsonString text) {
      Matcher placeholder = Placeholders.PLACEHOLDER.matcher(text.getString());
      while (placeholder.find()) {
        if (!Placeholders.isPath(placeholder.group(1))) {
          problems.add(
              "node \""
                  + id
                  + "\" has placeholder \"${"
                  + placeholder.group(1)
                  + "}\": use input.<name> or nodes.<node id>.<field>");
        }
      }
    } else if (config instanceof JsonObject object) {
      object.values().forEach(v -> checkPlaceholders(id, v));
    } else if (config instanceof JsonArray array) {
      array.forEach(v -> checkPlaceholders(id, v));
    }
  }

  private void requireConfig(String id, NodeType type, JsonObject config) {
    List<String> required =
        switch (type) {
          case LLM -> List.of("prompt");
          case HTTP -> List.of("url");
          case TRANSFORM -> List.of("set");
          case BRANCH -> List.of("condition");
          case DELAY -> List.of("ms");
          case FAIL -> List.of();
        };
    for (String key : required) {
      if (!config.containsKey(key)) {
        problems.add(
            "node \"" + id + "\" of type " + type.jsonName() + " needs config \"" + key + "\"");
      }
    }
    if (type == NodeType.LLM
        && config.containsKey("responseFormat")
        && !(config.get("responseFormat") instanceof JsonString format
            && (format.getString().equals("text") || format.getString().equals("json")))) {
      problems.add("node \"" + id + "\" config \"responseFormat\" must be \"text\" or \"json\"");
    }
    if (type == NodeType.TRANSFORM
        && config.containsKey("set")
        && !(config.get("set") instanceof JsonObject)) {
      problems.add(
          "node \"" + id + "\" config \"set\" must be an object of output names to values");
    }
  }

  private RetryPolicy readRetry(JsonObject json, String id) {
    if (!(json.get("retry") instanceof JsonObject retry)) {
      return RetryPolicy.NONE;
    }
    String where = "node \"" + id + "\" retry";
    int maxAttempts = intValue(retry, "maxAttempts", where, 1);
    if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
      problems.add(where + ".maxAttempts must be between 1 and " + MAX_ATTEMPTS);
    }
    int backoffMs = intValue(retry, "backoffMs", where, 0);
    if (backoffMs < 0 || backoffMs > 60_000) {
      problems.add(where + ".backoffMs must be between 0 and 60000");
    }
    double multiplier = retry.get("multiplier") instanceof JsonNumber n ? n.doubleValue() : 2.0;
    if (multiplier < 1.0 || multiplier > 10.0) {
      problems.add(where + ".multiplier must be between 1 and 10");
    }
    return new RetryPolicy(maxAttempts, Duration.ofMillis(backoffMs), multiplier);
  }

  private List<EdgeDefinition> readEdges(JsonObject root, Map<String, NodeDefinition> nodes) {
    List<EdgeDefinition> edges = new ArrayList<>();
    JsonArray array = array(root, "edges");
    if (array == null) {
      return edges;
    }
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof JsonObject json)) {
        problems.add("edges[" + i + "] must be an object");
        continue;
      }
      String from = optionalString(json, "from").orElse(null);
      String to = optionalString(json, "to").orElse(null);
      Optional<String> when = optionalString(json, "when");
      String where = "edge " + from + " -> " + to;
      if (from == null || to == null) {
        problems.add("edges[" + i + "] needs \"from\" and \"to\"");
        continue;
      }
      if (!nodes.containsKey(from)) {
        problems.add(where + " starts at unknown node \"" + from + "\"");
      }
      if (!nodes.containsKey(to)) {
        problems.add(where + " ends at unknown node \"" + to + "\"");
      }
      NodeDefinition source = nodes.get(from);
      if (source != null && source.type() == NodeType.BRANCH && when.isEmpty()) {
        problems.add(where + " leaves a branch node and needs \"when\": \"true\" or \"false\"");
      }
      if (source != null && source.type() != NodeType.BRANCH && when.isPresent()) {
        problems.add(where + " has \"when\" but \"" + from + "\" is not a branch node");
      }
      edges.add(new EdgeDefinition(from, to, when));
    }
    return edges;
  }

  /** Kahn's algorithm; whatever is left over lies on a cycle. */
  private List<NodeDefinition> topologicalOrder(
      Map<String, NodeDefinition> nodes, List<EdgeDefinition> edges) {
    Map<String, Integer> inDegree = new HashMap<>();
    nodes.keySet().forEach(id -> inDegree.put(id, 0));
    edges.forEach(e -> inDegree.merge(e.to(), 1, Integer::sum));
    var ready = new ArrayDeque<String>();
    nodes.keySet().stream().filter(id -> inDegree.get(id) == 0).forEach(ready::add);
    List<NodeDefinition> ordered = new ArrayList<>();
    while (!ready.isEmpty()) {
      String id = ready.poll();
      ordered.add(nodes.get(id));
      for (EdgeDefinition edge : edges) {
        if (edge.from().equals(id) && inDegree.merge(edge.to(), -1, Integer::sum) == 0) {
          ready.add(edge.to());
        }
      }
    }
    if (ordered.size() < nodes.size()) {
      List<String> onCycle =
          nodes.keySet().stream().filter(id -> inDegree.get(id) > 0).sorted().toList();
      problems.add("workflow has a cycle through nodes " + onCycle);
    }
    return ordered;
  }

  private String requiredId(JsonObject json, String key, String where) {
    Optional<String> value = optionalString(json, key);
    if (value.isEmpty()) {
      problems.add(where + " needs \"" + key + "\"");
      return null;
    }
    if (!ID.matcher(value.get()).matches()) {
      problems.add(
          where
              + " \""
              + key
              + "\" must be 1-100 letters, digits, '.', '_' or '-' (got \""
              + value.get()
              + "\")");
    }
    return value.get();
  }

  private Optional<String> optionalString(JsonObject json, String key) {
    return json.get(key) instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
  }

  private int intValue(JsonObject json, String key, String where, int defaultValue) {
    JsonValue value = json.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof JsonNumber n && n.isIntegral()) {
      // Checked, not truncated: 2^32 + 5 is not 5.
      if (n.bigDecimalValue().abs().compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE))
          <= 0) {
        return n.intValue();
      }
      problems.add(where + " \"" + key + "\" must be at most " + Integer.MAX_VALUE);
      return defaultValue;
    }
    problems.add(where + " \"" + key + "\" must be a whole number");
    return defaultValue;
  }

  private JsonArray array(JsonObject json, String key) {
    JsonValue value = json.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof JsonArray a) {
      return a;
    }
    problems.add("\"" + key + "\" must be an array");
    return null;
  }
}
