package dev.workflowtracing.web.traces;

import dev.workflowtracing.trace.ArtifactRecord;

/** A span's input, output, prompt or response, as stored (redacted, capped). */
public record ArtifactView(
    int seq,
    String kind,
    String contentType,
    String content,
    int originalLength,
    boolean truncated) {

  static ArtifactView of(ArtifactRecord a) {
    return new ArtifactView(
        a.getSeq(),
        a.getKind(),
        a.getContentType(),
        a.getContent(),
        a.getOriginalLength(),
        a.isTruncated());
  }
}
