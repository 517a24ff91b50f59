package dev.workflowtracing.web.runs;

import dev.workflowtracing.json.JsonFactory;
import dev.workflowtracing.workflow.live.RunSnapshot;
import dev.workflowtracing.workflow.run.NodeRun;
import dev.workflowtracing.workflow.run.RunEvent;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A run's updates as the event stream sends them: an event's type as the SSE event name and its
 * facts as JSON; a snapshot as {@value #SNAPSHOT}; a run another server executes as {@value
 * #STATUS} (schemas in docs/openapi.yaml).
 */
final class RunEventJson {

  static final String SNAPSHOT = "RunSnapshot";
  static final String STATUS = "RunStatus";

  private RunEventJson() {}

  /** One SSE event; {@code id} null for an update outside the run's numbering. */
  static OutboundSseEvent event(Sse sse, Long id, String name, String data) {
    OutboundSseEvent.Builder event =
        sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE).data(data);
    if (id != null) {
      event.id(Long.toString(id));
    }
    return event.build();
  }

  static String data(RunSnapshot run) {
    JsonObjectBuilder json =
        JsonFactory.createObjectBuilder().add("runId", run.runId()).add("status", run.status());
    optional(json, "workflowId", run.workflowId());
    optional(json, "traceId", run.traceId());
    optional(json, "rootSpanId", run.rootSpanId());
    optionalTime(json, "startedAt", run.startedAtMillis());
    optionalTime(json, "endedAt", run.endedAtMillis());
    optional(json, "error", run.error());
    JsonArrayBuilder nodes = JsonFactory.createArrayBuilder();
    for (RunSnapshot.Node node : run.nodes()) {
      JsonObjectBuilder n =
          JsonFactory.createObjectBuilder()
              .add("nodeId", node.nodeId())
              .add("state", node.state())
              .add("attempt", node.attempt());
      optionalTime(n, "startedAt", node.startedAtMillis());
      optionalTime(n, "endedAt", node.endedAtMillis());
      optional(n, "spanId", node.spanId());
      nodes.add(n);
    }
    return json.add("nodes", nodes).build().toString();
  }

  /** A run this server does not execute: only its stored status. */
  static String status(String runId, String status) {
    return JsonFactory.createObjectBuilder()
        .add("runId", runId)
        .add("status", status)
        .build()
        .toString();
  }

  /** A stored run's end, for a run this server no longer has in flight. */
  static String ended(String runId, String status, long endedAtMillis, String error) {
    JsonObjectBuilder json =
        JsonFactory.createObjectBuilder()
            .add("runId", runId)
            .add("status", status)
            .add("at", iso(endedAtMillis));
    optional(json, "error", error);
    return json.build().toString();
  }

  private static void optional(JsonObjectBuilder json, String key, String value) {
    if (value != null) {
      json.add(key, value);
    }
  }

  private static void optionalTime(JsonObjectBuilder json, String key, Long epochMillis) {
    if (epochMillis != null) {
      json.add(key, iso(epochMillis));
    }
  }

  static String name(RunEvent event) {
    return event.getClass().getSimpleName();
  }

  static String data(RunEvent event) {
    JsonObjectBuilder json = JsonFactory.createObjectBuilder().add("runId", event.runId());
    if (event instanceof RunEvent.RunQueued queued) {
      json.add("workflowId", queued.workflowId()).add("at", iso(queued.queuedAtMillis()));
    } else if (event instanceof RunEvent.RunStarted started) {
      json.add("workflowId", started.workflowId())
          .add("at", iso(started.startedAtMillis()))
          .add("nodeIds", strings(started.nodeIds()));
      if (started.traceId() != null) {
        json.add("traceId", started.traceId()).add("rootSpanId", started.rootSpanId());
      }
    } else if (event instanceof RunEvent.NodeAttemptStarted attempt) {
      json.add("nodeId", attempt.nodeId())
          .add("attempt", attempt.attempt())
          .add("at", iso(attempt.startedAtMillis()));
      if (attempt.nodeSpanId() != null) {
        json.add("nodeSpanId", attempt.nodeSpanId());
      }
    } else if (event instanceof RunEvent.NodeAttemptEnded attempt) {
      json.add("nodeId", attempt.nodeId())
          .add("attempt", attempt.attempt())
          .add("at", iso(attempt.endedAtMillis()));
      if (attempt.error() != null) {
        json.add("error", attempt.error());
      }
      if (attempt.cancelled()) {
        json.add("cancelled", true);
      }
    } else if (event instanceof RunEvent.NodeEnded ended) {
      NodeRun node = ended.node();
      json.add("nodeId", node.nodeId())
          .add("at", iso(ended.endedAtMillis()))
          .add("outcome", node.outcome().name().toLowerCase(Locale.ROOT))
          .add("durationMs", node.durationMs())
          .add("attempts", node.attempts())
          .add("inputTokens", node.inputTokens())
          .add("outputTokens", node.outputTokens());
      if (node.costNanos() != null) {
        json.add("costNanos", node.costNanos());
      }
    } else if (event instanceof RunEvent.RunEnded end) {
      json.add("status", end.status().name()).add("at", iso(end.endedAtMillis()));
      if (end.error() != null) {
        json.add("error", end.error());
      }
    }
    return json.build().toString();
  }

  private static JsonArrayBuilder strings(List<String> values) {
    var array = JsonFactory.createArrayBuilder();
    values.forEach(array::add);
    return array;
  }

  private static String iso(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).toString();
  }
}
