package dev.workflowtracing.workflow.live.relay;

import dev.workflowtracing.json.JsonFactory;
import dev.workflowtracing.workflow.live.LiveUpdate;
import dev.workflowtracing.workflow.live.RunSnapshot;
import dev.workflowtracing.workflow.run.NodeRun;
import dev.workflowtracing.workflow.run.RunEvent;
import dev.workflowtracing.workflow.run.RunStatus;
import dev.workflowtracing.workflow.run.RunUsage;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;

/** A run's update as the JSON text of a broker message, and back, with the number it has. */
final class LiveUpdateCodec {

  private LiveUpdateCodec() {}

  static String encode(LiveUpdate update) {
    JsonObjectBuilder json = JsonFactory.createObjectBuilder().add("id", update.id());
    if (update instanceof LiveUpdate.Snapshot snapshot) {
      json.add("type", "Snapshot").add("run", snapshot(snapshot.run()));
    } else {
      RunEvent event = ((LiveUpdate.Event) update).event();
      json.add("type", event.getClass().getSimpleName()).add("event", event(event));
    }
    return json.build().toString();
  }

  static LiveUpdate decode(String text) {
    JsonObject json = JsonFactory.createReader(new StringReader(text)).readObject();
    long id = json.getJsonNumber("id").longValue();
    String type = json.getString("type");
    if (type.equals("Snapshot")) {
      return new LiveUpdate.Snapshot(id, snapshot(json.getJsonObject("run")));
    }
    return new LiveUpdate.Event(id, event(type, json.getJsonObject("event")));
  }

  private static JsonObject event(RunEvent event) {
    JsonObjectBuilder json = JsonFactory.createObjectBuilder().add("runId", event.runId());
    if (event instanceof RunEvent.RunQueued e) {
      put(json, "workflowId", e.workflowId());
      json.add("workflowVersion", e.workflowVersion()).add("queuedAt", e.queuedAtMillis());
      put(json, "trigger", e.trigger());
      put(json, "inputs", e.inputsJson());
    } else if (event instanceof RunEvent.RunStarted e) {
      put(json, "traceId", e.traceId());
      put(json, "rootSpanId", e.rootSpanId());
      put(json, "workflowId", e.workflowId());
      json.add("workflowVersion", e.workflowVersion()).add("startedAt", e.startedAtMillis());
      put(json, "trigger", e.trigger());
      put(json, "inputs", e.inputsJson());
      JsonArrayBuilder nodes = JsonFactory.createArrayBuilder();
      e.nodeIds().forEach(nodes::add);
      json.add("nodeIds", nodes).add("fromQueue", e.fromQueue());
    } else if (event instanceof RunEvent.NodeAttemptStarted e) {
      put(json, "nodeId", e.nodeId());
      json.add("attempt", e.attempt()).add("startedAt", e.startedAtMillis());
      put(json, "nodeSpanId", e.nodeSpanId());
    } else if (event instanceof RunEvent.NodeAttemptEnded e) {
      put(json, "nodeId", e.nodeId());
      json.add("attempt", e.attempt()).add("endedAt", e.endedAtMillis());
      put(json, "error", e.error());
      json.add("cancelled", e.cancelled());
    } else if (event instanceof RunEvent.NodeEnded e) {
      NodeRun n = e.node();
      put(json, "nodeId", n.nodeId());
      json.add("durationMs", n.durationMs())
          .add("attempts", n.attempts())
          .add("outcome", n.outcome().name())
          .add("inputTokens", n.inputTokens())
          .add("outputTokens", n.outputTokens())
          .add("endedAt", e.endedAtMillis());
      if (n.costNanos() != null) {
        json.add("costNanos", n.costNanos());
      }
    } else if (event instanceof RunEvent.RunEnded e) {
      json.add("status", e.status().name()).add("endedAt", e.endedAtMillis());
      put(json, "outputs", e.outputsJson());
      put(json, "error", e.error());
      json.add("expectedSpans", e.expectedSpans());
      RunUsage u = e.usage();
      json.add("inputTokens", u.inputTokens()).add("outputTokens", u.outputTokens());
      if (u.costNanos() != null) {
        json.add("costNanos", u.costNanos());
      }
      json.add("failedTokens", u.failedAttemptTokens());
      json.add("failedCostNanos", u.failedAttemptCostNanos());
    }
    return json.build();
  }

  private static RunEvent event(String type, JsonObject e) {
    String runId = e.getString("runId");
    return switch (type) {
      case "RunQueued" ->
          new RunEvent.RunQueued(
              runId,
              text(e, "workflowId"),
              e.getInt("workflowVersion"),
              text(e, "trigger"),
              e.getJsonNumber("queuedAt").longValue(),
              text(e, "inputs"));
      case "RunStarted" ->
          new RunEvent.RunStarted(
              runId,
              text(e, "traceId"),
              text(e, "rootSpanId"),
              text(e, "workflowId"),
              e.getInt("workflowVersion"),
              text(e, "trigger"),
              e.getJsonNumber("startedAt").longValue(),
              text(e, "inputs"),
              e.getJsonArray("nodeIds").getValuesAs(jakarta.json.JsonString::getString),
              e.getBoolean("fromQueue"));
      case "NodeAttemptStarted" ->
          new RunEvent.NodeAttemptStarted(
              runId,
              text(e, "nodeId"),
              e.getInt("attempt"),
              e.getJsonNumber("startedAt").longValue(),
              text(e, "nodeSpanId"));
      case "NodeAttemptEnded" ->
          new RunEvent.NodeAttemptEnded(
              runId,
              text(e, "nodeId"),
              e.getInt("attempt"),
              e.getJsonNumber("endedAt").longValue(),
              text(e, "error"),
              e.getBoolean("cancelled"));
      case "NodeEnded" ->
          new RunEvent.NodeEnded(
              runId,
              new NodeRun(
                  text(e, "nodeId"),
                  e.getJsonNumber("durationMs").longValue(),
                  e.getInt("attempts"),
                  NodeRun.Outcome.valueOf(e.getString("outcome")),
                  e.getJsonNumber("inputTokens").longValue(),
                  e.getJsonNumber("outputTokens").longValue(),
                  e.containsKey("costNanos") ? e.getJsonNumber("costNanos").longValue() : null),
              e.getJsonNumber("endedAt").longValue());
      case "RunEnded" ->
          new RunEvent.RunEnded(
              runId,
              RunStatus.valueOf(e.getString("status")),
              e.getJsonNumber("endedAt").longValue(),
              text(e, "outputs"),
              text(e, "error"),
              e.getInt("expectedSpans"),
              new RunUsage(
                  e.getJsonNumber("inputTokens").longValue(),
                  e.getJsonNumber("outputTokens").longValue(),
                  e.containsKey("costNanos") ? e.getJsonNumber("costNanos").longValue() : null,
                  e.getJsonNumber("failedTokens").longValue(),
                  e.getJsonNumber("failedCostNanos").longValue()));
      default -> throw new IllegalArgumentException("Not a run event: " + type);
    };
  }

  private static JsonObject snapshot(RunSnapshot run) {
    JsonObjectBuilder json = JsonFactory.createObjectBuilder().add("runId", run.runId());
    put(json, "workflowId", run.workflowId());
    put(json, "status", run.status());
    put(json, "traceId", run.traceId());
    put(json, "rootSpanId", run.rootSpanId());
    put(json, "startedAt", run.startedAtMillis());
    put(json, "endedAt", run.endedAtMillis());
    put(json, "error", run.error());
    JsonArrayBuilder nodes = JsonFactory.createArrayBuilder();
    for (RunSnapshot.Node node : run.nodes()) {
      JsonObjectBuilder n = JsonFactory.createObjectBuilder().add("nodeId", node.nodeId());
      put(n, "state", node.state());
      n.add("attempt", node.attempt());
      put(n, "startedAt", node.startedAtMillis());
      put(n, "endedAt", node.endedAtMillis());
      put(n, "spanId", node.spanId());
      nodes.add(n);
    }
    return json.add("nodes", nodes).build();
  }

  private static RunSnapshot snapshot(JsonObject json) {
    List<RunSnapshot.Node> nodes =
        json.getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
            .map(
                n ->
                    new RunSnapshot.Node(
                        n.getString("nodeId"),
                        text(n, "state"),
                        n.getInt("attempt"),
                        number(n, "startedAt"),
                        number(n, "endedAt"),
                        text(n, "spanId")))
            .toList();
    return new RunSnapshot(
        json.getString("runId"),
        text(json, "workflowId"),
        text(json, "status"),
        text(json, "traceId"),
        text(json, "rootSpanId"),
        number(json, "startedAt"),
        number(json, "endedAt"),
        text(json, "error"),
        nodes);
  }

  private static void put(JsonObjectBuilder json, String key, String value) {
    if (value != null) {
      json.add(key, value);
    }
  }

  private static void put(JsonObjectBuilder json, String key, Long value) {
    if (value != null) {
      json.add(key, value);
    }
  }

  private static String text(JsonObject json, String key) {
    JsonValue value = json.get(key);
    return value == null || value == JsonValue.NULL ? null : json.getString(key);
  }

  private static Long number(JsonObject json, String key) {
    JsonValue value = json.get(key);
    return value instanceof JsonNumber n ? n.longValue() : null;
  }
}
