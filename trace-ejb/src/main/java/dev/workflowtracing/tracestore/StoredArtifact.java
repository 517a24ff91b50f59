package dev.workflowtracing.tracestore;

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

  /** The size of the {@code artifacts} column (varchar), in characters. */
  static final int MAX_JSON_LENGTH = 1_000_000;

  /**
   * The column's text for these artifacts; null for none. Never longer than the column: while it
   * would be (large artifacts, or text that JSON escapes six-fold), the longest content is halved
   * and marked truncated, as one oversized span would otherwise fail its whole batch.
   */
  public static String toJson(List<StoredArtifact> artifacts) {
    return toJson(artifacts, MAX_JSON_LENGTH);
  }

  static String toJson(List<StoredArtifact> artifacts, int maxLength) {
    if (artifacts.isEmpty()) {
      return null;
    }
    List<StoredArtifact> fitting = new ArrayList<>(artifacts);
    String json = write(fitting);
    while (json.length() > maxLength && halveLongest(fitting)) {
      json = write(fitting);
    }
    return json;
  }

  /** False when there is no content left to cut. */
  private static boolean halveLongest(List<StoredArtifact> artifacts) {
    int longest = 0;
    for (int i = 1; i < artifacts.size(); i++) {
      if (artifacts.get(i).content().length() > artifacts.get(longest).content().length()) {
        longest = i;
      }
    }
    StoredArtifact a = artifacts.get(longest);
    if (a.content().isEmpty()) {
      return false;
    }
    int cut = a.content().length() / 2;
    if (cut > 0 && Character.isHighSurrogate(a.content().charAt(cut - 1))) {
      cut--; // never half a character
    }
    artifacts.set(
        longest,
        new StoredArtifact(
            a.seq(),
            a.kind(),
            a.contentType(),
            a.content().substring(0, cut),
            a.originalLength(),
            true));
    return true;
  }

  private static String write(List<StoredArtifact> artifacts) {
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
