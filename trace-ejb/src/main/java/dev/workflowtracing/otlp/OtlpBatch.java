package dev.workflowtracing.otlp;

import dev.workflowtracing.spans.FinishedSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * The spans of one OTLP request, and those rejected from it (an invalid id, no start time): the
 * OTLP partial success tells the sender how many and why, and the others are stored.
 */
public record OtlpBatch(List<FinishedSpan> spans, long rejected, String rejectionMessage) {

  /** Collects spans and rejections while a request is decoded. */
  static final class Builder {
    private final List<FinishedSpan> spans = new ArrayList<>();
    private long rejected;
    private String firstRejection;

    void add(FinishedSpan span) {
      spans.add(span);
    }

    void reject(String reason) {
      rejected++;
      if (firstRejection == null) {
        firstRejection = reason;
      }
    }

    OtlpBatch build() {
      String message =
          rejected == 0 ? "" : rejected + " span(s) rejected; the first because " + firstRejection;
      return new OtlpBatch(List.copyOf(spans), rejected, message);
    }
  }
}
