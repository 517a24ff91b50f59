package dev.workflowtracing.web.traces;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.workflowtracing.tracestore.read.SpanView;
import dev.workflowtracing.tracestore.read.TraceEncoding;
import dev.workflowtracing.tracestore.read.TraceView;
import dev.workflowtracing.web.JsonbSettings;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The two ways the API writes a whole trace. One JSON document is what most clients want. JSON
 * lines (the trace's head, then one span per line) let a browser parse a huge trace a slice at a
 * time between frames: a single 50 MB document is one uninterruptible parse on the page's thread.
 */
enum TraceEncodings implements TraceEncoding {
  JSON("json") {
    @Override
    public byte[] encode(TraceView trace) {
      return JsonbSettings.jsonb().toJson(trace).getBytes(UTF_8);
    }
  },

  JSON_LINES("x-ndjson") {
    @Override
    public byte[] encode(TraceView trace) {
      Jsonb jsonb = JsonbSettings.jsonb();
      ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + trace.spans().size() * 600);
      out.writeBytes(jsonb.toJson(TraceHead.of(trace)).getBytes(UTF_8));
      for (SpanView span : trace.spans()) {
        out.write('\n');
        out.writeBytes(jsonb.toJson(span).getBytes(UTF_8));
      }
      out.write('\n');
      return out.toByteArray();
    }
  };

  private final MediaType type;

  TraceEncodings(String subtype) {
    this.type = new MediaType("application", subtype);
  }

  MediaType type() {
    return type;
  }

  @Override
  public String mediaType() {
    return type.getType() + "/" + type.getSubtype();
  }

  /**
   * JSON lines only for a client that names them before JSON (the acceptable types come sorted by
   * preference); {@code *}{@code /*} and anything else get the JSON document.
   */
  static TraceEncodings forAccept(List<MediaType> acceptable) {
    for (MediaType wanted : acceptable) {
      if (!wanted.isWildcardType()
          && !wanted.isWildcardSubtype()
          && wanted.isCompatible(JSON_LINES.type)) {
        return JSON_LINES;
      }
      if (wanted.isCompatible(JSON.type)) {
        return JSON;
      }
    }
    return JSON;
  }
}
