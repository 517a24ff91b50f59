package dev.workflowtracing.tracestore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceCacheTest {

  private static final String JSON = "application/json";
  private static final String LINES = "application/x-ndjson";

  private final TraceCache cache = new TraceCache();

  @Test
  void keepsFinishedTracesOnlyAndEvictsOnRequest() {
    cache.keep("growing", JSON, RenderedTrace.of(bytes(100), false));
    cache.keep("done", JSON, RenderedTrace.of(bytes(100), true));
    assertThat(cache.get("growing", JSON)).isEmpty();
    assertThat(cache.get("done", JSON)).isPresent();
    cache.evict(List.of("done"));
    assertThat(cache.get("done", JSON)).isEmpty();
    assertThat(cache.hits()).isEqualTo(1);
    assertThat(cache.misses()).isEqualTo(2);
  }

  @Test
  void keepsEachRepresentationApartAndEvictsThemAll() {
    cache.keep("t", JSON, RenderedTrace.of(bytes(100), true));
    assertThat(cache.get("t", LINES)).isEmpty();
    cache.keep("t", LINES, RenderedTrace.of(bytes(50), true));
    assertThat(cache.get("t", LINES).orElseThrow().body()).hasSize(50);
    assertThat(cache.get("t", JSON).orElseThrow().body()).hasSize(100);
    cache.evict(List.of("t"));
    assertThat(cache.get("t", JSON)).isEmpty();
    assertThat(cache.get("t", LINES)).isEmpty();
  }

  @Test
  void staysWithinItsBytesDroppingTheLeastRecentlyRead() {
    int size = (int) (TraceCache.MAX_BYTES / 5);
    cache.keep("a", JSON, RenderedTrace.of(bytes(size), true));
    cache.keep("b", JSON, RenderedTrace.of(bytes(size), true));
    cache.keep("c", JSON, RenderedTrace.of(bytes(size), true));
    cache.keep("d", JSON, RenderedTrace.of(bytes(size), true));
    cache.get("a", JSON); // read: no longer the least recent
    cache.keep("e", JSON, RenderedTrace.of(bytes(size), true));
    cache.keep("f", JSON, RenderedTrace.of(bytes(size), true));
    assertThat(cache.get("a", JSON)).isPresent();
    assertThat(cache.get("b", JSON)).isEmpty();
    assertThat(cache.get("f", JSON)).isPresent();
  }

  @Test
  void theTagIsADigestOfTheJsonAndTheGzipHoldsIt() throws Exception {
    RenderedTrace one = RenderedTrace.of("{\"a\":1}".getBytes(StandardCharsets.UTF_8), true);
    RenderedTrace same = RenderedTrace.of("{\"a\":1}".getBytes(StandardCharsets.UTF_8), true);
    RenderedTrace other = RenderedTrace.of("{\"a\":2}".getBytes(StandardCharsets.UTF_8), true);
    assertThat(one.etag()).isEqualTo(same.etag()).isNotEqualTo(other.etag()).hasSize(27);
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(one.gzip()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    }
  }

  private static byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    java.util.Arrays.fill(bytes, (byte) 'x');
    return bytes;
  }
}
