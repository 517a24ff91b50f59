package dev.workflowtracing.web.traces;

import static dev.workflowtracing.web.traces.TraceEncodings.JSON;
import static dev.workflowtracing.web.traces.TraceEncodings.JSON_LINES;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceEncodingsTest {

  private static final MediaType LINES = new MediaType("application", "x-ndjson");
  private static final MediaType ANY = new MediaType("*", "*");

  @Test
  void jsonLinesOnlyForAClientThatNamesThemFirst() {
    assertThat(TraceEncodings.forAccept(List.of(LINES))).isEqualTo(JSON_LINES);
    assertThat(TraceEncodings.forAccept(List.of(LINES, MediaType.APPLICATION_JSON_TYPE)))
        .isEqualTo(JSON_LINES);
    assertThat(TraceEncodings.forAccept(List.of(MediaType.APPLICATION_JSON_TYPE, LINES)))
        .isEqualTo(JSON);
    assertThat(TraceEncodings.forAccept(List.of(ANY))).isEqualTo(JSON);
    assertThat(TraceEncodings.forAccept(List.of(new MediaType("application", "*"))))
        .isEqualTo(JSON);
    assertThat(TraceEncodings.forAccept(List.of())).isEqualTo(JSON);
  }

  @Test
  void eachEncodingIsNamedByItsMediaType() {
    assertThat(JSON.mediaType()).isEqualTo("application/json");
    assertThat(JSON_LINES.mediaType()).isEqualTo("application/x-ndjson");
  }
}
