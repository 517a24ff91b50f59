package dev.workflowtracing.web.traces;

import dev.workflowtracing.tracestore.StoredArtifact;

/** A span's input, output, prompt or response, as stored (redacted, capped). */
public record ArtifactView(
    int seq,
    String kind,
    String contentType,
    String content,
    int originalLength,
    boolean truncated) {

  static ArtifactView of(StoredArtifact a) {
    return new ArtifactView(
        a.seq(), a.kind(), a.contentType(), a.content(), a.originalLength(), a.truncated());
  }
}
