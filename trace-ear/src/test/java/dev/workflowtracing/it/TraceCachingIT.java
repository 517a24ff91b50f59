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
 * at once (its rendered copy is evicted).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TraceCachingIT {

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
    var request =
        HttpRequest.newBuilder(URI.create(baseUrl + "api/traces/" + traceId))
            .header("Authorization", Api.basic("viewer", "viewer-password"));
    if (ifNoneMatch != null) {
      request.header("If-None-Match", ifNoneMatch);
    }
    if (acceptEncoding != null) {
      request.header("Accept-Encoding", acceptEncoding);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static JsonObject json(byte[] body) {
    return Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))
        .readObject();
  }
}
