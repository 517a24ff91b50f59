package dev.workflowtracing.trace;

import dev.workflowtracing.json.JsonFactory;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A node input or output, prompt or response, already redacted and capped in length. A span's
 * artifacts are stored with the span, as one JSON array in its {@code artifacts} column: one row
 * per span instead of one per artifact halved the rows the database writes per run
 * (docs/performance.md).
 */
public record StoredArtifact(
    int seq,
    String kind,
    String contentType,
    String content,
    int originalLength,
    boolean truncated) {

  /** An artifact cut to {@code maxLength}; {@code originalLength} 0 means not cut before. */
  public static StoredArtifact capped(
      int seq, String kind, String contentType, String content, int originalLength, int maxLength) {
    int length = Math.max(originalLength, content.length());
    boolean truncated = length > content.length() || content.length() > maxLength;
    return new StoredArtifact(
        seq,
        kind,
        contentType,
        content.length() > maxLength ? content.substring(0, maxLength) : content,
        length,
        truncated);
  }

  /** The column's text for these artifacts; null for none. */
  public static String toJson(List<StoredArtifact> artifacts) {
    if (artifacts.isEmpty()) {
      return null;
    }
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = JsonFactory.createGenerator(out)) {
      g.writeStartArray();
      for (StoredArtifact a : artifacts) {
        g.writeStartObject()
            .write("kind", a.kind())
            .write("contentType", a.contentType())
            .write("content", a.content())
            .write("originalLength", a.originalLength())
            .write("truncated", a.truncated())
            .writeEnd();
      }
      g.writeEnd();
    }
    return out.toString();
  }

  /** The artifacts in a column's text, numbered in order. */
  public static List<StoredArtifact> fromJson(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    JsonArray array = JsonFactory.createReader(new StringReader(json)).readArray();
    List<StoredArtifact> artifacts = new ArrayList<>(array.size());
    for (JsonObject a : array.getValuesAs(JsonObject.class)) {
      artifacts.add(
          new StoredArtifact(
              artifacts.size(),
              a.getString("kind"),
              a.getString("contentType"),
              a.getString("content"),
              a.getInt("originalLength"),
              a.getBoolean("truncated")));
    }
    return artifacts;
  }
}
