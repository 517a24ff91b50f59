package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OTLP/HTTP receiver ({@code POST /v1/traces}) with the bodies real clients send: protobuf and
 * JSON, gzipped or not, answered in their own encoding, with the partial success for rejected
 * spans; and every way a request can be wrong (token, role, size, bytes, type), each answered with
 * its status and a reason, the receiver healthy afterwards.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OtlpIngestIT {

  static final String TOKEN = "demo-ingest-token"; // the test servers' TRACING_INGEST_TOKENS
  private static final Random RANDOM = new Random(23);
  private static final java.security.SecureRandom IDS = new java.security.SecureRandom();

  @ArquillianResource URL baseUrl;

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.builtEar();
  }

  @Test
  void protobufAndJsonGzippedOrNotAreStoredWithTheirServiceAndScope() throws Exception {
    Api api = new Api(baseUrl);
    for (boolean json : List.of(false, true)) {
      for (boolean gzip : List.of(false, true)) {
        String traceId = hexId(16);
        ExportTraceServiceRequest request = request("checkout", traceId, hexId(8), null, 2);
        HttpResponse<byte[]> answer = send(body(request, json), json, gzip, "Bearer " + TOKEN);

        assertThat(answer.statusCode()).as("json=%s gzip=%s", json, gzip).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse(""))
            .startsWith(json ? "application/json" : "application/x-protobuf");
        if (!json) {
          assertThat(ExportTraceServiceResponse.parseFrom(answer.body()).hasPartialSuccess())
              .isFalse();
        }
        JsonObject trace = api.get("api/traces/" + traceId).object();
        assertThat(trace.getInt("spanCount")).isEqualTo(1);
        JsonObject span = trace.getJsonArray("spans").getJsonObject(0);
        assertThat(span.getString("service")).isEqualTo("checkout");
        assertThat(span.getString("serviceInstance")).isEqualTo("checkout-1");
        assertThat(span.getBoolean("foreign")).isTrue();
        assertThat(span.getJsonObject("attributes").getString("http.route")).isEqualTo("/pay");
        // Redacted by the same rules as our own spans before it was stored.
        assertThat(span.getJsonObject("attributes").getString("password")).isEqualTo("[REDACTED]");
        assertThat(trace.getJsonObject("completeness").getInt("foreignSpans")).isEqualTo(1);
        assertThat(trace.getJsonObject("completeness").getJsonArray("foreignServices").getString(0))
            .isEqualTo("checkout");
        // Made only of foreign spans: listed by its service, not under another's.
        assertThat(foreignTraceIds(api, "checkout")).contains(traceId);
        assertThat(foreignTraceIds(api, "no-such-service")).doesNotContain(traceId);
      }
    }
    Api.Answer backwards =
        api.get("api/traces/foreign?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z");
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.object().getString("detail")).contains("before");
    assertThat(api.get("api/traces/foreign?limit=201").status()).isEqualTo(400);
  }

  private static List<String> foreignTraceIds(Api api, String service) {
    return api.get("api/traces/foreign?service=" + service).object().getJsonArray("items").stream()
        .map(item -> item.asJsonObject().getString("traceId"))
        .toList();
  }

  @Test
  void rejectedSpansAreReportedAsPartialSuccessAndTheOthersStored() throws Exception {
    String traceId = hexId(16);
    ExportTraceServiceRequest good = request("checkout", traceId, hexId(8), null, 1);
    ExportTraceServiceRequest withBad =
        good.toBuilder()
            .setResourceSpans(
                0,
                good.getResourceSpans(0).toBuilder()
                    .setScopeSpans(
                        0,
                        good.getResourceSpans(0).getScopeSpans(0).toBuilder()
                            .addSpans(
                                good.getResourceSpans(0).getScopeSpans(0).getSpans(0).toBuilder()
                                    .setSpanId(ByteString.copyFrom(new byte[3])))))
            .build();

    HttpResponse<byte[]> answer = send(withBad.toByteArray(), false, false, "Bearer " + TOKEN);

    assertThat(answer.statusCode()).isEqualTo(200);
    var partial = ExportTraceServiceResponse.parseFrom(answer.body()).getPartialSuccess();
    assertThat(partial.getRejectedSpans()).isEqualTo(1);
    assertThat(partial.getErrorMessage()).contains("spanId");
    assertThat(new Api(baseUrl).get("api/traces/" + traceId).object().getInt("spanCount"))
        .isEqualTo(1);

    HttpResponse<byte[]> json = send(body(withBad, true), true, false, "Bearer " + TOKEN);
    JsonObject jsonAnswer = parse(json);
    assertThat(jsonAnswer.getJsonObject("partialSuccess").getString("rejectedSpans"))
        .isEqualTo("2"); // the bad span, and the good one: stored already by the first request
  }

  @Test
  void everyWrongRequestIsAnsweredWithItsStatusAndAReasonAndTheReceiverStaysHealthy()
      throws Exception {
    byte[] valid = request("checkout", hexId(16), hexId(8), null, 1).toByteArray();

    // No token, a wrong one, a user's credentials.
    HttpResponse<byte[]> none = send(valid, false, false, null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
    assertThat(status(none).getString("message")).contains("Bearer");
    assertThat(send(valid, false, false, "Bearer not-the-token-at-all").statusCode())
        .isEqualTo(401);
    HttpResponse<byte[]> viewer = send(valid, true, false, Api.basic("viewer", "viewer-password"));
    assertThat(viewer.statusCode()).isEqualTo(403);
    assertThat(parse(viewer).getString("detail")).contains("ingest role");
    assertThat(send(valid, false, false, Api.basic("viewer", "wrong")).statusCode()).isEqualTo(401);

    // Over the body limit (8 MiB), sent whole and as a small gzip bomb.
    byte[] huge = new byte[9 * 1024 * 1024];
    assertThat(send(huge, false, false, "Bearer " + TOKEN).statusCode()).isEqualTo(413);
    HttpResponse<byte[]> bomb = send(huge, false, true, "Bearer " + TOKEN);
    assertThat(bomb.statusCode()).isEqualTo(413);
    assertThat(status(bomb).getString("message")).contains("once unzipped");

    // Garbage bytes, a truncated protobuf, bad JSON, bad gzip.
    byte[] garbage = new byte[2048];
    RANDOM.nextBytes(garbage);
    assertThat(send(garbage, false, false, "Bearer " + TOKEN).statusCode()).isEqualTo(400);
    HttpResponse<byte[]> truncated =
        send(Arrays.copyOf(valid, valid.length - 5), false, false, "Bearer " + TOKEN);
    assertThat(truncated.statusCode()).isEqualTo(400);
    assertThat(status(truncated).getString("message")).contains("ExportTraceServiceRequest");
    HttpResponse<byte[]> badJson =
        send(
            "{\"resourceSpans\": [".getBytes(StandardCharsets.UTF_8),
            true,
            false,
            "Bearer " + TOKEN);
    assertThat(badJson.statusCode()).isEqualTo(400);
    assertThat(parse(badJson).getString("detail")).contains("JSON");
    assertThat(sendRaw(valid, "application/x-protobuf", "gzip", "Bearer " + TOKEN).statusCode())
        .isEqualTo(400);

    // An unknown content type and encoding.
    HttpResponse<byte[]> text = sendRaw(valid, "text/plain", null, "Bearer " + TOKEN);
    assertThat(text.statusCode()).isEqualTo(415);
    assertThat(text.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(sendRaw(valid, "application/x-protobuf", "br", "Bearer " + TOKEN).statusCode())
        .isEqualTo(415);

    // Healthy afterwards, and all of it counted.
    assertThat(send(valid, false, false, "Bearer " + TOKEN).statusCode()).isEqualTo(200);
    assertThat(new Api(baseUrl).metric("workflow_tracing_ingest_requests_invalid_total"))
        .isGreaterThanOrEqualTo(11);
  }

  /**
   * Seeded and bounded, like ApiFuzzIT for the API: 400 requests made from valid bodies by flipping
   * bytes, cutting them short, wrapping them in gzip or not, and sending them with hostile content
   * types, encodings and credentials. None may be a 5xx; every failure must carry its reason in the
   * form its content type promises; the receiver still takes a valid request afterwards.
   */
  @Test
  void hostileRequestsNeverGetA5xxAndEveryRefusalSaysWhy() throws Exception {
    Random random = new Random(2026_12_02L);
    List<String> types =
        List.of(
            "application/x-protobuf",
            "application/json",
            "application/json; charset=utf-8",
            "application/protobuf",
            "text/plain",
            "application/xml",
            "multipart/form-data; boundary=x",
            "application/json; charset=latin-7");
    List<String> encodings = List.of("", "gzip", "deflate", "identity", "gzip, gzip");
    List<String> credentials =
        List.of(
            "Bearer " + TOKEN,
            "Bearer " + TOKEN,
            "Bearer " + TOKEN + "x",
            "Bearer ",
            "Bearer " + "A".repeat(5000),
            "Basic !!!",
            Api.basic("admin", "admin-password"),
            "Negotiate abc",
            "");
    List<String> failures = new java.util.ArrayList<>();
    for (int i = 0; i < 400; i++) {
      boolean json = random.nextBoolean();
      byte[] body =
          body(
              request(
                  "fuzz",
                  hexId(16),
                  hexId(8),
                  random.nextBoolean() ? hexId(8) : null,
                  random.nextInt(4)),
              json);
      switch (random.nextInt(5)) {
        case 0 -> body = Arrays.copyOf(body, random.nextInt(body.length + 1));
        case 1 -> {
          for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
            body[random.nextInt(body.length)] = (byte) random.nextInt(256);
          }
        }
        case 2 -> {
          body = new byte[random.nextInt(4096)];
          random.nextBytes(body);
        }
        default -> {
          // valid
        }
      }
      String encoding = encodings.get(random.nextInt(encodings.size()));
      if (encoding.startsWith("gzip") && random.nextInt(4) > 0) {
        body = gzip(body);
      }
      String type =
          random.nextInt(4) == 0
              ? types.get(random.nextInt(types.size()))
              : json ? "application/json" : "application/x-protobuf";
      String credential = credentials.get(random.nextInt(credentials.size()));
      HttpResponse<byte[]> answer =
          sendRaw(
              body,
              type,
              encoding.isEmpty() ? null : encoding,
              credential.isEmpty() ? null : credential);
      String problem = refusalProblem(answer);
      if (problem != null && failures.size() < 10) {
        failures.add(
            "#"
                + i
                + " "
                + type
                + " "
                + encoding
                + " "
                + credential.split(" ")[0]
                + ": "
                + problem);
      }
    }
    assertThat(failures).isEmpty();
    byte[] valid = request("checkout", hexId(16), hexId(8), null, 1).toByteArray();
    assertThat(send(valid, false, false, "Bearer " + TOKEN).statusCode()).isEqualTo(200);
  }

  /** Null when the answer is fine: no 5xx, and a 4xx says why in the form its type promises. */
  private static String refusalProblem(HttpResponse<byte[]> answer) {
    int status = answer.statusCode();
    if (status >= 500) {
      return "status " + status + ": " + new String(answer.body(), StandardCharsets.UTF_8);
    }
    if (status < 400) {
      return status == 200 ? null : "status " + status;
    }
    String type = answer.headers().firstValue("Content-Type").orElse("");
    try {
      if (type.startsWith("application/x-protobuf")) {
        return status(answer).getString("message", "").isBlank()
            ? "a Status without a message"
            : null;
      }
      JsonObject body = parse(answer);
      return body.getString("detail", "").isBlank() || body.getInt("status", 0) != status
          ? "a problem without its status or detail: " + body
          : null;
    } catch (Exception e) {
      return "an unreadable refusal (" + type + "): " + e;
    }
  }

  // --- requests and their bodies ---

  static ExportTraceServiceRequest request(
      String service, String traceId, String spanId, String parentSpanId, int statusCode) {
    long start = System.currentTimeMillis() * 1_000_000L;
    Span.Builder span =
        Span.newBuilder()
            .setTraceId(ByteString.fromHex(traceId))
            .setSpanId(ByteString.fromHex(spanId))
            .setName("POST /pay")
            .setKind(Span.SpanKind.SPAN_KIND_SERVER)
            .setStartTimeUnixNano(start)
            .setEndTimeUnixNano(start + 3_000_000)
            .addAttributes(attribute("http.route", "/pay"))
            .addAttributes(attribute("password", "hunter2-secret"))
            .setStatus(
                io.opentelemetry.proto.trace.v1.Status.newBuilder()
                    .setCodeValue(statusCode)
                    .setMessage(statusCode == 2 ? "card declined" : ""));
    if (parentSpanId != null) {
      span.setParentSpanId(ByteString.fromHex(parentSpanId));
    }
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(
            ResourceSpans.newBuilder()
                .setResource(
                    Resource.newBuilder()
                        .addAttributes(attribute("service.name", service))
                        .addAttributes(attribute("service.instance.id", service + "-1")))
                .addScopeSpans(
                    ScopeSpans.newBuilder()
                        .setScope(
                            InstrumentationScope.newBuilder().setName("payments").setVersion("2.1"))
                        .addSpans(span)))
        .build();
  }

  private static KeyValue attribute(String key, String value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(value))
        .build();
  }

  /** The request as protobuf, or as OTLP JSON written by hand as the specification says. */
  static byte[] body(ExportTraceServiceRequest request, boolean json) {
    if (!json) {
      return request.toByteArray();
    }
    var resources = Json.createArrayBuilder();
    for (ResourceSpans rs : request.getResourceSpansList()) {
      var scopes = Json.createArrayBuilder();
      for (ScopeSpans ss : rs.getScopeSpansList()) {
        var spans = Json.createArrayBuilder();
        for (Span s : ss.getSpansList()) {
          var span =
              Json.createObjectBuilder()
                  .add("traceId", HexFormat.of().formatHex(s.getTraceId().toByteArray()))
                  .add("spanId", HexFormat.of().formatHex(s.getSpanId().toByteArray()))
                  .add("name", s.getName())
                  .add("kind", s.getKindValue())
                  .add("startTimeUnixNano", Long.toString(s.getStartTimeUnixNano()))
                  .add("endTimeUnixNano", Long.toString(s.getEndTimeUnixNano()))
                  .add("attributes", keyValues(s.getAttributesList()))
                  .add(
                      "status",
                      Json.createObjectBuilder().add("code", s.getStatus().getCodeValue()));
          if (!s.getParentSpanId().isEmpty()) {
            span.add("parentSpanId", HexFormat.of().formatHex(s.getParentSpanId().toByteArray()));
          }
          spans.add(span);
        }
        scopes.add(
            Json.createObjectBuilder()
                .add("scope", Json.createObjectBuilder().add("name", ss.getScope().getName()))
                .add("spans", spans));
      }
      resources.add(
          Json.createObjectBuilder()
              .add(
                  "resource",
                  Json.createObjectBuilder()
                      .add("attributes", keyValues(rs.getResource().getAttributesList())))
              .add("scopeSpans", scopes));
    }
    return Json.createObjectBuilder()
        .add("resourceSpans", resources)
        .build()
        .toString()
        .getBytes(StandardCharsets.UTF_8);
  }

  private static jakarta.json.JsonArrayBuilder keyValues(List<KeyValue> keyValues) {
    var array = Json.createArrayBuilder();
    keyValues.forEach(
        kv ->
            array.add(
                Json.createObjectBuilder()
                    .add("key", kv.getKey())
                    .add(
                        "value",
                        Json.createObjectBuilder()
                            .add("stringValue", kv.getValue().getStringValue()))));
    return array;
  }

  HttpResponse<byte[]> send(byte[] body, boolean json, boolean gzip, String authorization)
      throws IOException, InterruptedException {
    return sendRaw(
        gzip ? gzip(body) : body,
        json ? "application/json" : "application/x-protobuf",
        gzip ? "gzip" : null,
        authorization);
  }

  HttpResponse<byte[]> sendRaw(
      byte[] body, String contentType, String contentEncoding, String authorization)
      throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(URI.create(baseUrl.toString()).resolve("/v1/traces"))
            .header("Content-Type", contentType)
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentEncoding != null) {
      request.header("Content-Encoding", contentEncoding);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    }
    return out.toByteArray();
  }

  /** The google.rpc.Status of a protobuf request's failure: its code (1) and message (2). */
  private static JsonObject status(HttpResponse<byte[]> answer) throws IOException {
    var input = com.google.protobuf.CodedInputStream.newInstance(answer.body());
    var status = Json.createObjectBuilder();
    for (int tag; (tag = input.readTag()) != 0; ) {
      switch (tag >>> 3) {
        case 1 -> status.add("code", input.readInt32());
        case 2 -> status.add("message", input.readString());
        default -> input.skipField(tag);
      }
    }
    return status.build();
  }

  private static JsonObject parse(HttpResponse<byte[]> answer) {
    return Json.createReader(new StringReader(new String(answer.body(), StandardCharsets.UTF_8)))
        .readObject();
  }

  /**
   * A new id on every run, never seeded: the PostgreSQL pass keeps its database from one run of
   * bin/test to the next, and a span of the same id stored again is a second span.
   */
  static String hexId(int bytes) {
    byte[] id = new byte[bytes];
    IDS.nextBytes(id);
    id[0] |= 1; // never all zero
    return HexFormat.of().formatHex(id);
  }
}
