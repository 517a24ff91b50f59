package dev.workflowtracing.tracestore.read;

import dev.workflowtracing.tracestore.StoredArtifact;

/** A span's input, output, prompt or response, as stored (redacted, capped). */
public record ArtifactView(
    int seq,
    String kind,
    String contentType,
    String content,
    int originalLength,
    boolean truncated) {

  public static ArtifactView of(StoredArtifact a) {
    return new ArtifactView(
        a.seq(), a.kind(), a.contentType(), a.content(), a.originalLength(), a.truncated());
  }
}
