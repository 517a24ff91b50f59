package dev.workflowtracing.web.traces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowtracing.tracestore.RenderedTrace;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TraceResponseTest {

  private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE;

  private static final RenderedTrace SMALL =
      RenderedTrace.of("{\"spans\":[]}".getBytes(StandardCharsets.UTF_8), true);
  private static final RenderedTrace LARGE =
      RenderedTrace.of(
          ("{\"x\":\"" + "a".repeat(5_000) + "\"}").getBytes(StandardCharsets.UTF_8), true);

  @Test
  void aFinishedTraceIsRevalidatedAndACurrentCopyIs304() {
    TraceResponse first = TraceResponse.of(LARGE, JSON, null, null);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.cacheControl()).isEqualTo("private, no-cache");
    assertThat(first.etag()).isEqualTo("\"" + LARGE.etag() + "\"");
    assertThat(first.body()).isEqualTo(LARGE.body());
    assertThat(TraceResponse.of(LARGE, JSON, first.etag(), null).status()).isEqualTo(304);
    assertThat(TraceResponse.of(LARGE, JSON, first.etag(), null).body()).isNull();
    assertThat(TraceResponse.of(LARGE, JSON, "\"other\", " + first.etag(), null).status())
        .isEqualTo(304);
    assertThat(TraceResponse.of(LARGE, JSON, "\"other\"", null).status()).isEqualTo(200);
  }

  @Test
  void largeBodiesGoGzippedWithTheirOwnTagAndSmallOnesPlain() {
    TraceResponse zipped = TraceResponse.of(LARGE, JSON, null, "gzip");
    assertThat(zipped.gzip()).isTrue();
    assertThat(zipped.body()).isEqualTo(LARGE.gzip());
    assertThat(zipped.etag()).isEqualTo("\"" + LARGE.etag() + "-gz\"");
    // Either representation's tag revalidates.
    assertThat(TraceResponse.of(LARGE, JSON, zipped.etag(), null).status()).isEqualTo(304);
    assertThat(TraceResponse.of(SMALL, JSON, null, "gzip").gzip()).isFalse();
  }

  @Test
  void aGrowingTraceIsNeverStoredNorTagged() {
    RenderedTrace growing = RenderedTrace.of(LARGE.body(), false);
    TraceResponse answer = TraceResponse.of(growing, JSON, "\"" + growing.etag() + "\"", null);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.cacheControl()).isEqualTo("no-store");
    assertThat(answer.etag()).isNull();
  }
}
