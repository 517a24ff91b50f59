package dev.workflowtracing.tracestore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceCacheTest {

  private final TraceCache cache = new TraceCache();

  @Test
  void keepsFinishedTracesOnlyAndEvictsOnRequest() {
    cache.keep("growing", RenderedTrace.of(bytes(100), false));
    cache.keep("done", RenderedTrace.of(bytes(100), true));
    assertThat(cache.get("growing")).isEmpty();
    assertThat(cache.get("done")).isPresent();
    cache.evict(List.of("done"));
    assertThat(cache.get("done")).isEmpty();
    assertThat(cache.hits()).isEqualTo(1);
    assertThat(cache.misses()).isEqualTo(2);
  }

  @Test
  void staysWithinItsBytesDroppingTheLeastRecentlyRead() {
    int size = (int) (TraceCache.MAX_BYTES / 5);
    cache.keep("a", RenderedTrace.of(bytes(size), true));
    cache.keep("b", RenderedTrace.of(bytes(size), true));
    cache.keep("c", RenderedTrace.of(bytes(size), true));
    cache.keep("d", RenderedTrace.of(bytes(size), true));
    cache.get("a"); // read: no longer the least recent
    cache.keep("e", RenderedTrace.of(bytes(size), true));
    cache.keep("f", RenderedTrace.of(bytes(size), true));
    assertThat(cache.get("a")).isPresent();
    assertThat(cache.get("b")).isEmpty();
    assertThat(cache.get("f")).isPresent();
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
