package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Finished traces are immutable: a strong ETag and {@code private, no-cache} make a second view a
 * 304, large bodies go gzipped, a trace still growing is never stored, and a deleted trace is gone
 * at once (its rendered copy is evicted). The same trace as JSON lines (for the Canvas, which
 * parses a huge trace a slice at a time) is the same head and spans, tagged apart.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TraceCachingIT {

  private static final String LINES = "application/x-ndjson";

  @ArquillianResource URL baseUrl;

  private final HttpClient http = HttpClient.newHttpClient();

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.builtEar();
  }

  @Test
  void aFinishedTraceIsTaggedRevalidatedAndCompressed() throws Exception {
    Api api = new Api(baseUrl);
    String traceId =
        api.post("api/workflows/retry-then-succeed/runs", "{}").object().getString("traceId");
    JsonObject complete = api.awaitComplete(traceId);

    HttpResponse<byte[]> plain = get(traceId, null, null);
    assertThat(plain.statusCode()).isEqualTo(200);
    String etag = plain.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).startsWith("\"").doesNotStartWith("W/");
    assertThat(plain.headers().firstValue("Cache-Control").orElseThrow())
        .contains("private", "no-cache");
    assertThat(json(plain.body())).isEqualTo(complete);

    HttpResponse<byte[]> again = get(traceId, etag, null);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();

    HttpResponse<byte[]> zipped = get(traceId, null, "gzip, deflate");
    assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(zipped.body().length).isLessThan(plain.body().length / 2);
    try (var in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
      assertThat(json(in.readAllBytes())).isEqualTo(complete);
    }
    assertThat(get(traceId, zipped.headers().firstValue("ETag").orElseThrow(), "gzip").statusCode())
        .isEqualTo(304);

    assertThat(api.delete("api/traces/" + traceId).status()).isEqualTo(204);
    assertThat(get(traceId, null, null).statusCode()).isEqualTo(404);
  }

  @Test
  void asJsonLinesATraceIsItsHeadThenOneSpanPerLineWithItsOwnTag() throws Exception {
    Api api = new Api(baseUrl);
    String traceId =
        api.post("api/workflows/retry-then-succeed/runs", "{}").object().getString("traceId");
    JsonObject complete = api.awaitComplete(traceId);
    String documentTag = get(traceId, null, null).headers().firstValue("ETag").orElseThrow();

    HttpResponse<byte[]> lines = get(traceId, null, null, LINES);
    assertThat(lines.statusCode()).isEqualTo(200);
    assertThat(lines.headers().firstValue("Content-Type").orElseThrow()).startsWith(LINES);
    assertThat(lines.headers().firstValue("Vary").orElseThrow()).contains("Accept");
    List<JsonObject> parsed = jsonLines(lines.body());
    assertThat(parsed.get(0)).isEqualTo(Json.createObjectBuilder(complete).remove("spans").build());
    assertThat(parsed.get(0).getInt("spanCount")).isEqualTo(parsed.size() - 1);
    assertThat(parsed.subList(1, parsed.size())).isEqualTo(complete.getJsonArray("spans"));

    // Each encoding has its own tag: a copy of one never validates the other.
    String linesTag = lines.headers().firstValue("ETag").orElseThrow();
    assertThat(linesTag).isNotEqualTo(documentTag);
    assertThat(get(traceId, linesTag, null, LINES).statusCode()).isEqualTo(304);
    assertThat(get(traceId, documentTag, null, LINES).statusCode()).isEqualTo(200);

    HttpResponse<byte[]> zipped = get(traceId, null, "gzip", LINES);
    assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    try (var in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
      assertThat(jsonLines(in.readAllBytes())).isEqualTo(parsed);
    }

    // Neither encoding: a problem that names the ones there are.
    HttpResponse<byte[]> refused = get(traceId, null, null, "text/csv");
    assertThat(refused.statusCode()).isEqualTo(406);
    assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
  }

  @Test
  void aTraceStillGrowingIsNeitherTaggedNorStored() throws Exception {
    Api api = new Api(baseUrl);
    String runId =
        api.post("api/workflows/slow-llm-chain/runs", "{}", "Prefer", "respond-async")
            .object()
            .getString("runId");
    JsonObject running =
        api.await(
                "api/runs/" + runId,
                a -> a.status() == 200 && !a.object().isNull("traceId"),
                Duration.ofSeconds(30))
            .object();
    HttpResponse<byte[]> growing = get(running.getString("traceId"), null, null);
    assertThat(growing.statusCode()).isEqualTo(200);
    assertThat(growing.headers().firstValue("ETag")).isEmpty();
    assertThat(growing.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  private HttpResponse<byte[]> get(String traceId, String ifNoneMatch, String acceptEncoding)
      throws Exception {
    return get(traceId, ifNoneMatch, acceptEncoding, "application/json");
  }

  private HttpResponse<byte[]> get(
      String traceId, String ifNoneMatch, String acceptEncoding, String accept) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(baseUrl + "api/traces/" + traceId))
            .header("Accept", accept)
            .header("Authorization", Api.basic("viewer", "viewer-password"));
    if (ifNoneMatch != null) {
      request.header("If-None-Match", ifNoneMatch);
    }
    if (acceptEncoding != null) {
      request.header("Accept-Encoding", acceptEncoding);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static List<JsonObject> jsonLines(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    assertThat(text).endsWith("\n");
    return text.lines().map(line -> json(line.getBytes(StandardCharsets.UTF_8))).toList();
  }

  private static JsonObject json(byte[] body) {
    return Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))
        .readObject();
  }
}
