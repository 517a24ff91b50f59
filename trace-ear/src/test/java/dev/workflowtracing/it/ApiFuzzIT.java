package dev.workflowtracing.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaml.snakeyaml.Yaml;

/**
 * Seeded, bounded fuzzing of every operation in the served OpenAPI document (docs/openapi.yaml):
 * hostile path and query parameters, headers, bodies and credentials. No answer may be a 5xx, and
 * every 4xx must be {@code application/problem+json} with {@code status} and {@code detail}. Long
 * because it holds every generator of hostile input in one place, beside the operations they feed;
 * each generator is a small method.
 *
 * <p>Every request is generated from the seed and its own number alone, so a failure can be
 * replayed: {@code -Dfuzz.seed=S} (default {@value #DEFAULT_SEED}), {@code -Dfuzz.requests=N}
 * (default {@value #DEFAULT_REQUESTS}), {@code -Dfuzz.only=12,345} to send only those requests,
 * {@code -Dfuzz.seconds=T} to stop sending after T seconds (default {@value #DEFAULT_SECONDS}).
 * What the server holds (saved fuzz workflows, whether recording is paused) can differ on a replay.
 * The report goes to target/api-fuzz-report.txt, and one line per request (with the server log's
 * reference for each 500) to target/api-fuzz-requests.txt.
 *
 * <p>Bounded and harmless to the other tests: only a small share of run requests can start a run,
 * of a sample workflow (rarely) or of a workflow the fuzzer saved with fast nodes only; definitions
 * with slow or hostile timing go to workflows that are never run; retention only gets invalid or
 * far-past instants; recording is switched on again at the end; traces are only deleted by random
 * ids; sample workflows are read and run, never saved.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiFuzzIT {

  static final long DEFAULT_SEED = 20_250_611L;
  static final int DEFAULT_REQUESTS = 3000;
  static final int DEFAULT_SECONDS = 100;

  /** Failures described in full; all of them are counted and grouped. */
  private static final int MAX_DESCRIBED = 200;

  private static final int MAX_CONSECUTIVE_NO_ANSWER = 25;

  /**
   * Saved by the fuzzer with fast nodes only (transform, branch, fail without retry, quick llm).
   */
  private static final List<String> RUNNABLE = List.of("fuzz-run-0", "fuzz-run-1", "fuzz-run-2");

  /** Saved by the fuzzer with anything, slow timing included; never run. */
  private static final List<String> NEVER_RUN = List.of("fuzz-saved-0", "fuzz-saved-1");

  /** Sample workflows (config/src/main/resources/samples): read, and rarely run; never saved. */
  private static final List<String> SAMPLES =
      List.of("hello-llm", "html-prompt", "branching", "always-fails", "redaction-demo");

  private static final String ADMIN = basic("admin", "admin-password");
  private static final String RUNNER = basic("runner", "runner-password");
  private static final String VIEWER = basic("viewer", "viewer-password");

  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.builtEar();
  }

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private String base;
  private long seed;
  private Known known;

  @Test
  void hostileRequestsGetProblemDocumentsAndNever5xx() throws Exception {
    seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
    int requests = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
    Set<Integer> only = only(System.getProperty("fuzz.only", ""));
    Duration budget = Duration.ofSeconds(Integer.getInteger("fuzz.seconds", DEFAULT_SECONDS));
    base = baseUrl.toString().endsWith("/") ? baseUrl.toString() : baseUrl + "/";
    System.out.printf(
        "ApiFuzzIT: seed %d, %d requests, at most %ds (replay: -Dfuzz.seed=%d -Dfuzz.requests=%d;"
            + " single requests: -Dfuzz.only=N,M)%n",
        seed, requests, budget.toSeconds(), seed, requests);

    List<Operation> operations = operations(fetchOpenApi());
    assertThat(operations).hasSizeGreaterThanOrEqualTo(10);
    known = prepare();

    long start = System.nanoTime();
    Stats stats = new Stats();
    List<Failure> failures = new ArrayList<>();
    StringBuilder log = new StringBuilder();
    int consecutiveNoAnswer = 0;
    String stoppedBecause = null;
    try {
      for (int number = 1; number <= requests; number++) {
        if (!only.isEmpty() && !only.contains(number)) {
          continue;
        }
        if (System.nanoTime() - start > budget.toNanos()) {
          stoppedBecause = "time budget of " + budget.toSeconds() + "s used up before #" + number;
          break;
        }
        Request request = generate(number, operations);
        Outcome outcome = send(request);
        stats.count(request, outcome);
        log.append(logLine(request, outcome)).append('\n');
        if (outcome.skipped() != null) {
          continue;
        }
        consecutiveNoAnswer = outcome.error() == null ? 0 : consecutiveNoAnswer + 1;
        String problem = check(request, outcome);
        if (problem != null) {
          failures.add(
              Failure.of(request, outcome, problem, failures.size() < MAX_DESCRIBED, seed));
        }
        if (consecutiveNoAnswer >= MAX_CONSECUTIVE_NO_ANSWER) {
          stoppedBecause = consecutiveNoAnswer + " requests in a row got no answer: server down?";
          break;
        }
        if (number % 500 == 0) {
          System.out.printf(
              "ApiFuzzIT: %d requests, %d failures, %.1fs%n",
              number, failures.size(), (System.nanoTime() - start) / 1e9);
        }
      }
    } finally {
      restoreRecording();
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    String report = report(stats, failures, seconds, stoppedBecause);
    write("api-fuzz-report", report);
    write("api-fuzz-requests", log.toString());
    if (!failures.isEmpty()) {
      throw new AssertionError(report);
    }
    // Running out of time (a slow, shared machine) is reported but is no failure; a server that
    // stopped answering has already failed every request since.
    System.out.println(report);
  }

  // ---------------------------------------------------------------------------------------------
  // The OpenAPI document

  /** A documented parameter. */
  record Param(String name, String in, boolean required, Map<?, ?> schema) {
    String type() {
      return schema == null ? "string" : String.valueOf(schema.get("type"));
    }

    String format() {
      return schema == null ? null : (String) schema.get("format");
    }
  }

  /** A documented operation: method, path under /api, parameters, whether it takes a body. */
  record Operation(String method, String path, List<Param> params, boolean hasBody, int weight) {
    String name() {
      return method + " /api" + path;
    }

    List<Param> in(String where) {
      return params.stream().filter(p -> p.in().equals(where)).toList();
    }
  }

  private String fetchOpenApi() {
    Outcome answer =
        send(Request.plain("GET", base + "api/openapi.yaml", ADMIN), Duration.ofSeconds(30));
    assertThat(answer.status())
        .as("GET %sapi/openapi.yaml: %s %s", base, answer.error(), answer.text())
        .isEqualTo(200);
    return answer.text();
  }

  static List<Operation> operations(String yaml) {
    Map<?, ?> document = new Yaml().load(yaml);
    Map<?, ?> paths = (Map<?, ?>) document.get("paths");
    List<Operation> operations = new ArrayList<>();
    paths.forEach(
        (path, value) -> {
          Map<?, ?> item = (Map<?, ?>) value;
          List<Param> shared = params(item.get("parameters"));
          for (String method : List.of("get", "put", "post", "delete", "patch")) {
            if (item.get(method) instanceof Map<?, ?> op) {
              List<Param> params = new ArrayList<>(shared);
              params.addAll(params(op.get("parameters")));
              boolean body = op.containsKey("requestBody");
              int weight = 2 + Math.min(8, 2 * params.size()) + (body ? 4 : 0);
              operations.add(
                  new Operation(
                      method.toUpperCase(Locale.ROOT), (String) path, params, body, weight));
            }
          }
        });
    return operations;
  }

  private static List<Param> params(Object list) {
    List<Param> params = new ArrayList<>();
    if (list instanceof List<?> items) {
      for (Object item : items) {
        Map<?, ?> p = (Map<?, ?>) item;
        params.add(
            new Param(
                (String) p.get("name"),
                (String) p.get("in"),
                Boolean.TRUE.equals(p.get("required")),
                (Map<?, ?>) p.get("schema")));
      }
    }
    return params;
  }

  // ---------------------------------------------------------------------------------------------
  // Before and after

  /** Real ids, so that some requests reach a trace, span, run or page that exists. */
  record Known(String runId, String traceId, String spanId, String cursor) {}

  private Known prepare() {
    for (String id : RUNNABLE) {
      Outcome saved =
          send(
              Request.json("PUT", base + "api/workflows/" + id, ADMIN, baseDefinition(id)),
              Duration.ofSeconds(30));
      assertThat(saved.status()).as("saving %s: %s", id, saved.text()).isEqualTo(201);
    }
    Outcome run = null;
    for (String id : RUNNABLE.subList(0, 2)) { // two runs, so that a page of one has a next cursor
      run =
          send(
              Request.json(
                  "POST",
                  base + "api/workflows/" + id + "/runs",
                  ADMIN,
                  "{\"inputs\": {\"name\": \"Ada\", \"n\": 5}}"),
              Duration.ofSeconds(60));
    }
    assertThat(run.status()).as("a run of fuzz-run-1: %s", run.text()).isEqualTo(201);
    JsonObject runView = (JsonObject) run.json();
    String runId = runView.getString("runId");
    String traceId = runView.isNull("traceId") ? null : runView.getString("traceId");
    String spanId = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (traceId != null && spanId == null && System.nanoTime() < deadline) {
      Outcome trace =
          send(Request.plain("GET", base + "api/traces/" + traceId, ADMIN), Duration.ofSeconds(30));
      if (trace.status() == 200
          && trace.json() instanceof JsonObject t
          && !t.getJsonArray("spans").isEmpty()) {
        spanId = t.getJsonArray("spans").getJsonObject(0).getString("spanId");
      } else {
        Api.sleep(200);
      }
    }
    Outcome page =
        send(Request.plain("GET", base + "api/traces?limit=1", ADMIN), Duration.ofSeconds(30));
    String cursor =
        page.json() instanceof JsonObject p
                && p.containsKey("nextCursor")
                && p.get("nextCursor") instanceof JsonString s
            ? s.getString()
            : null;
    System.out.printf(
        "ApiFuzzIT: known run %s, trace %s, span %s, cursor %s%n", runId, traceId, spanId, cursor);
    return new Known(runId, traceId, spanId, cursor);
  }

  /** Recording may have been paused by a fuzzed request: switch it on again for the other tests. */
  private void restoreRecording() {
    Outcome restored =
        send(
            Request.json(
                "PUT", base + "api/admin/tracing/recording", ADMIN, "{\"recording\": true}"),
            Duration.ofSeconds(30));
    // 409: tracing is off by configuration (TracingDisabledIT's server), so it was never on.
    assertThat(restored.status()).as("restoring recording: %s", restored.text()).isIn(200, 409);
  }

  // ---------------------------------------------------------------------------------------------
  // Requests

  /** One fuzzed request, with the labels of what is hostile about it. */
  static final class Request {
    final int number;
    final String operation;
    String who = "admin";
    String method;
    String url;
    final List<String[]> headers = new ArrayList<>();
    byte[] body;
    final List<String> kinds = new ArrayList<>();

    Request(int number, String operation) {
      this.number = number;
      this.operation = operation;
    }

    static Request plain(String method, String url, String authorization) {
      Request request = new Request(0, method + " " + url);
      request.method = method;
      request.url = url;
      request.headers.add(new String[] {"Authorization", authorization});
      return request;
    }

    static Request json(String method, String url, String authorization, String json) {
      Request request = plain(method, url, authorization);
      request.headers.add(new String[] {"Content-Type", "application/json"});
      request.body = json.getBytes(UTF_8);
      return request;
    }

    void header(String name, String value) {
      headers.add(new String[] {name, value});
    }
  }

  /** What came back: an answer, no answer (error), or not sent because the client refused it. */
  record Outcome(
      int status, String contentType, byte[] bytes, String error, String skipped, long millis) {
    String text() {
      return bytes == null ? "" : new String(bytes, UTF_8);
    }

    JsonStructure json() {
      try {
        return Json.createReader(new StringReader(text())).read();
      } catch (JsonException | IllegalStateException e) {
        return null;
      }
    }
  }

  private Outcome send(Request request) {
    return send(request, Duration.ofSeconds(60));
  }

  private Outcome send(Request request, Duration timeout) {
    HttpRequest built;
    try {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(URI.create(request.url)).timeout(timeout);
      for (String[] header : request.headers) {
        builder.header(header[0], header[1]);
      }
      builder.method(
          request.method,
          request.body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(request.body));
      built = builder.build();
    } catch (IllegalArgumentException e) {
      return new Outcome(0, "", null, null, String.valueOf(e.getMessage()), 0);
    }
    long start = System.nanoTime();
    try {
      HttpResponse<byte[]> response = client.send(built, HttpResponse.BodyHandlers.ofByteArray());
      return new Outcome(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body(),
          null,
          null,
          (System.nanoTime() - start) / 1_000_000);
    } catch (IllegalArgumentException e) {
      return new Outcome(0, "", null, null, String.valueOf(e.getMessage()), 0);
    } catch (IOException e) {
      return new Outcome(0, "", null, e.toString(), null, (System.nanoTime() - start) / 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Single sign-on's start while the identity provider is down (SingleSignOnIT starts it for its
   * own tests only): 503 saying so is the documented answer, an outage of a dependency, not a
   * fault.
   */
  static boolean providerDown(Request request, Outcome outcome) {
    return outcome.status() == 503
        && request.operation.equals("GET /api/session/oidc")
        && outcome.text().contains("The identity provider cannot be reached");
  }

  /** Null when the answer is fine; otherwise what is wrong with it. */
  static String check(Request request, Outcome outcome) {
    if (outcome.error() != null) {
      return "no answer: " + outcome.error();
    }
    int status = outcome.status();
    List<String> problems = new ArrayList<>();
    if (status >= 500 && !providerDown(request, outcome)) {
      problems.add("status " + status);
    }
    if (status >= 400) {
      String type = outcome.contentType().toLowerCase(Locale.ROOT);
      if (!type.startsWith("application/problem+json")) {
        problems.add(
            "Content-Type \"" + outcome.contentType() + "\", not application/problem+json");
      } else {
        JsonStructure body = outcome.json();
        if (!(body instanceof JsonObject problem)) {
          problems.add("problem body is not a JSON object");
        } else {
          if (!(problem.get("status") instanceof JsonNumber n) || n.intValue() != status) {
            problems.add("problem \"status\" is " + problem.get("status") + ", not " + status);
          }
          if (!(problem.get("detail") instanceof JsonString d) || d.getString().isBlank()) {
            problems.add("problem has no \"detail\"");
          }
        }
      }
    }
    return problems.isEmpty() ? null : String.join("; ", problems);
  }

  // ---------------------------------------------------------------------------------------------
  // Generating a request

  Request generate(int number, List<Operation> operations) {
    Random r = new Random(mix(seed, number));
    Operation op = pick(r, operations);
    Request q = new Request(number, op.name());
    q.method = op.method();
    boolean undocumented = r.nextInt(100) < 4;
    if (undocumented) {
      Set<String> documented =
          operations.stream()
              .filter(o -> o.path().equals(op.path()))
              .map(Operation::method)
              .collect(Collectors.toSet());
      List<String> others =
          new ArrayList<>(List.of("GET", "PUT", "POST", "DELETE", "PATCH", "OPTIONS"));
      others.removeAll(documented);
      q.method = others.get(r.nextInt(others.size()));
      q.kinds.add("method:undocumented-" + q.method);
    }

    identity(r, q);

    String path = op.path();
    boolean putSafeOnly = true;
    for (Param p : op.in("path")) {
      Segment segment = pathSegment(r, op, q.method, p);
      q.kinds.add("path:" + p.name() + "=" + segment.label());
      path = path.replace("{" + p.name() + "}", segment.encoded());
      if (segment.neverRun()) {
        putSafeOnly = false;
      }
    }
    q.url = base + "api" + path + query(r, op, q);

    headers(r, op, q);
    body(r, op, q, putSafeOnly, undocumented);
    return q;
  }

  private static Operation pick(Random r, List<Operation> operations) {
    int total = operations.stream().mapToInt(Operation::weight).sum();
    int x = r.nextInt(total);
    for (Operation op : operations) {
      x -= op.weight();
      if (x < 0) {
        return op;
      }
    }
    return operations.get(operations.size() - 1);
  }

  private static void identity(Random r, Request q) {
    int x = r.nextInt(100);
    String authorization;
    if (x < 80) {
      authorization = ADMIN;
    } else if (x < 88) {
      q.who = "viewer";
      authorization = VIEWER;
    } else if (x < 91) {
      q.who = "runner";
      authorization = RUNNER;
    } else if (x < 95) {
      q.who = "anonymous";
      authorization = null;
    } else {
      V bad =
          oneOf(
              r,
              v("basic-bangs", "Basic !!!"),
              v("basic-empty", "Basic "),
              v("basic-no-colon", "Basic " + b64("admin".getBytes(UTF_8))),
              v("wrong-password", basic("admin", "wrong-password")),
              v("unknown-user", basic("nobody", "x")),
              v("bearer", "Bearer abc.def.ghi"),
              v("basic-long", "Basic " + "QUFB".repeat(1250)),
              v("basic-invalid-utf8", "Basic " + b64(new byte[] {(byte) 0xFF, ':', (byte) 0xC0})),
              v("basic-nul", "Basic " + b64("admin\u0000:admin-password".getBytes(UTF_8))),
              v("digest", "Digest username=\"admin\", nonce=\"x\""),
              v("scheme-only", "Basic"),
              v("garbage", "!!!"));
      q.who = "bad-auth:" + bad.label();
      authorization = bad.value();
    }
    q.kinds.add("auth:" + q.who);
    if (authorization != null) {
      q.header("Authorization", authorization);
    }
  }

  /** A path segment: encoded for the URL; neverRun when it names a workflow never run. */
  record Segment(String label, String encoded, boolean neverRun) {}

  private Segment pathSegment(Random r, Operation op, String method, Param p) {
    boolean hostile = r.nextInt(100) < 55;
    if (hostile) {
      int x = r.nextInt(100);
      if (x < 45) {
        V text = hostileText(r);
        return new Segment(text.label(), encode(text.value()), false);
      }
      if (x < 70) {
        V raw = rawPercent(r);
        return new Segment("raw:" + raw.label(), raw.value(), false);
      }
      V shaped = wrongShape(r, p.name());
      return new Segment(shaped.label(), encode(shaped.value()), false);
    }
    switch (p.name()) {
      case "traceId":
        if (known.traceId() != null && method.equals("GET") && r.nextBoolean()) {
          return new Segment("known-trace", known.traceId(), false);
        }
        return new Segment("random-trace", hex(r, 32), false);
      case "spanId":
        if (known.spanId() != null && r.nextBoolean()) {
          return new Segment("known-span", known.spanId(), false);
        }
        return new Segment("random-span", hex(r, 16), false);
      case "runId":
        if (r.nextBoolean()) {
          return new Segment("known-run", known.runId(), false);
        }
        return new Segment("random-run", new UUID(r.nextLong(), r.nextLong()).toString(), false);
      default:
        return workflowSegment(r, op, method);
    }
  }

  private static Segment workflowSegment(Random r, Operation op, String method) {
    int x = r.nextInt(100);
    if (op.path().endsWith("/runs")) {
      // Only these can start a run, and they hold fast nodes only.
      if (x < 13) {
        return new Segment("runnable", RUNNABLE.get(r.nextInt(RUNNABLE.size())), false);
      }
      if (x < 15) {
        return new Segment("sample", SAMPLES.get(r.nextInt(SAMPLES.size())), false);
      }
      return new Segment("unknown-workflow", "no-such-workflow-" + r.nextInt(1000), false);
    }
    if (method.equals("PUT")) {
      if (x < 50) {
        return new Segment("never-run", NEVER_RUN.get(r.nextInt(NEVER_RUN.size())), true);
      }
      return new Segment("runnable", RUNNABLE.get(r.nextInt(RUNNABLE.size())), false);
    }
    if (x < 50) {
      return new Segment("sample", SAMPLES.get(r.nextInt(SAMPLES.size())), false);
    }
    if (x < 75) {
      return new Segment("runnable", RUNNABLE.get(r.nextInt(RUNNABLE.size())), false);
    }
    return new Segment("unknown-workflow", "no-such-workflow-" + r.nextInt(1000), false);
  }

  private String query(Random r, Operation op, Request q) {
    List<String> pairs = new ArrayList<>();
    boolean retention = op.path().equals("/admin/retention");
    for (Param p : op.in("query")) {
      if (r.nextInt(100) < (p.required() ? 15 : 50)) {
        continue;
      }
      int copies = r.nextInt(100) < 6 ? 2 + r.nextInt(40) : 1;
      if (copies > 1) {
        q.kinds.add("query:" + p.name() + "-repeated-" + copies);
      }
      for (int i = 0; i < copies; i++) {
        V value;
        boolean raw = false;
        if (retention && p.name().equals("maxSpans")) {
          // Never a cap that could purge what other tests made.
          value = hugeOrInvalidCap(r);
        } else if (retention) {
          // Never an instant that could purge what other tests made.
          value = pastOrInvalidInstant(r);
        } else if (r.nextInt(100) < 40) {
          value = validQueryValue(r, p);
        } else if (r.nextInt(100) < 10) {
          value = rawPercent(r);
          raw = true;
        } else {
          value = hostileQueryValue(r, p);
        }
        if (i == 0 || r.nextInt(5) == 0) {
          q.kinds.add("query:" + p.name() + "=" + (raw ? "raw:" : "") + value.label());
        }
        pairs.add(encode(p.name()) + "=" + (raw ? value.value() : encode(value.value())));
      }
    }
    if (r.nextInt(100) < 5) {
      V extra =
          oneOf(
              r,
              v("undeclared-limit", "limit=-1"),
              v("undeclared-method-override", "_method=DELETE"),
              v("no-value", "limit"),
              v("empty-name", "=x"),
              v("ampersands", "&&&"),
              v("long-name", "a".repeat(5000) + "=1"),
              v("nul-name", "%00=%00"),
              v("jsessionid", "jsessionid=garbage"),
              v("semicolon", "a=1;b=2"));
      q.kinds.add("query:extra-" + extra.label());
      pairs.add(extra.value());
    }
    return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
  }

  private V validQueryValue(Random r, Param p) {
    return switch (p.name()) {
      case "workflowId" -> v("valid", SAMPLES.get(r.nextInt(SAMPLES.size())));
      case "status" -> v("valid", oneOf(r, "RUNNING", "SUCCEEDED", "FAILED"));
      case "from" -> v("valid", Instant.now().minusSeconds(3600).toString());
      case "to" -> v("valid", Instant.now().plusSeconds(3600).toString());
      case "minDurationMs" -> v("valid", "0");
      case "maxDurationMs" -> v("valid", "600000");
      case "attribute" -> v("valid", "gen_ai.request.model=sim-small");
      case "name" -> v("valid", "ask");
      case "limit" -> v("valid", String.valueOf(1 + r.nextInt(200)));
      case "cursor" -> known.cursor() != null ? v("valid", known.cursor()) : hostileCursor(r);
      default -> v("valid", "x");
    };
  }

  private static V hostileQueryValue(Random r, Param p) {
    if (r.nextInt(100) < 20) {
      return hostileText(r);
    }
    if (p.name().equals("cursor")) {
      return hostileCursor(r);
    }
    if (p.name().equals("attribute")) {
      return hostileAttribute(r);
    }
    if ("date-time".equals(p.format())) {
      return hostileInstant(r);
    }
    if (p.type().equals("integer")) {
      return hostileInteger(r);
    }
    if (p.schema() != null && p.schema().get("enum") != null) {
      return oneOf(
          r,
          v("lower-case", "running"),
          v("padded", " SUCCEEDED "),
          v("unknown", "BOGUS"),
          v("long-s", "\u017Fucceeded"),
          v("dotted-i", "\u0130"),
          v("nul-suffix", "FAILED\u0000"),
          v("list", "RUNNING,FAILED"),
          v("star", "*"));
    }
    return hostileText(r);
  }

  private static void headers(Random r, Operation op, Request q) {
    if (r.nextInt(100) < 30) {
      V accept =
          oneOf(
              r,
              v("q-garbage", "*/*;q=garbage"),
              v("q-2", "application/json;q=2"),
              v("q-negative", "application/json;q=-1"),
              v("q-0", "application/json;q=0"),
              v("html", "text/html"),
              v("xml", "application/xml"),
              v("problem", "application/problem+json"),
              v("json-lines", "application/x-ndjson"),
              v("json-lines-q", "application/x-ndjson;q=0.5, application/json;q=0.9"),
              v("json-not-problem", "application/json, application/problem+json;q=0"),
              v("garbage", "garbage"),
              v("three-parts", "a/b/c"),
              v("semicolons", ";;;"),
              v("bad-charset", "*/*; charset=nonsense"),
              v("empty", ""),
              v("image", "image/png"),
              v("subtype-star", "*/x"),
              v("long", "application/json,".repeat(300)),
              v("non-ascii", "application/j\u00fcson"));
      q.header("Accept", accept.value());
      q.kinds.add("header:accept=" + accept.label());
    }
    boolean runs = op.path().endsWith("/runs");
    if (r.nextInt(100) < (runs ? 50 : 5)) {
      V traceparent =
          oneOf(
              r,
              v("valid", "00-" + hex(r, 32) + "-" + hex(r, 16) + "-01"),
              v("zero-trace", "00-" + "0".repeat(32) + "-" + hex(r, 16) + "-01"),
              v("version-ff", "ff-" + hex(r, 32) + "-" + hex(r, 16) + "-01"),
              v(
                  "upper-hex",
                  "00-" + hex(r, 32).toUpperCase(Locale.ROOT) + "-" + hex(r, 16) + "-01"),
              v("garbage", "garbage"),
              v("empty", ""),
              v("long", "00-" + hex(r, 32) + "-" + hex(r, 16) + "-01" + "-x".repeat(2500)),
              v("short-ids", "00-abc-def-01"),
              v("extra-field", "00-" + hex(r, 32) + "-" + hex(r, 16) + "-01-extra"),
              v("bad-flags", "00-" + hex(r, 32) + "-" + hex(r, 16) + "-zz"),
              v("non-ascii", "00-\u00fc" + hex(r, 31) + "-" + hex(r, 16) + "-01"),
              v("commas", ",,,"));
      q.header("traceparent", traceparent.value());
      q.kinds.add("header:traceparent=" + traceparent.label());
    }
    if (r.nextInt(100) < 8) {
      V extra =
          oneOf(
              r,
              v("tracestate", "tracestate: ,,=,=x,\u007f"),
              v("baggage", "baggage: %%%;=;=,,k=%ZZ"),
              v("accept-charset", "Accept-Charset: nonsense"),
              v("accept-encoding", "Accept-Encoding: gzip;q=garbage"),
              v("content-encoding-gzip", "Content-Encoding: gzip"),
              v("content-encoding-deflate", "Content-Encoding: deflate"),
              v("accept-language", "Accept-Language: !!!"),
              v("cookie", "Cookie: JSESSIONID=garbage; a"),
              v("x-forwarded-for", "X-Forwarded-For: not-an-ip, ::::"),
              v("forwarded", "Forwarded: for=\"[::1\";proto=javascript"),
              v("if-modified-since", "If-Modified-Since: yesterday"),
              v("range", "Range: bytes=garbage"),
              v("method-override", "X-HTTP-Method-Override: DELETE"),
              v("origin", "Origin: null"),
              v("big", "X-Big: " + "x".repeat(8000)),
              v("host", "Host: evil.example"),
              v("expect", "Expect: 100-continue"),
              // Not "Transfer-Encoding: chunked, gzip": Undertow's HTTP parser answers 400 with no
              // body before any application code runs, so no problem document is possible.
              v("content-length", "Content-Length: 5"));
      int colon = extra.value().indexOf(':');
      q.header(extra.value().substring(0, colon), extra.value().substring(colon + 2));
      q.kinds.add("header:" + extra.label());
    }
  }

  private void body(Random r, Operation op, Request q, boolean putSafeOnly, boolean undocumented) {
    boolean takesBody =
        op.hasBody() && !undocumented || q.method.equals("PUT") || q.method.equals("POST");
    Body body = null;
    if (takesBody) {
      if (r.nextInt(100) < 30) {
        body = genericBody(r);
      } else if (op.path().equals("/workflows/{id}") && q.method.equals("PUT")) {
        body = definition(r, workflowIdIn(q.url), !putSafeOnly);
      } else if (op.path().endsWith("/runs")) {
        body = runBody(r);
      } else if (op.path().equals("/admin/tracing/recording")) {
        body = recordingBody(r);
      } else if (r.nextInt(100) < 50) {
        body = genericBody(r);
      }
    } else if (r.nextInt(100) < 3) {
      body = genericBody(r);
      q.kinds.add("body-on-" + q.method);
    }
    if (body == null) {
      return;
    }
    q.body = body.bytes();
    for (String part : body.label().split("\\+")) { // each hostile part of the body on its own
      q.kinds.add("body:" + part);
    }
    int x = r.nextInt(100);
    if (x < 75) {
      q.header("Content-Type", "application/json");
    } else if (x < 95) {
      V type =
          oneOf(
              r,
              v("bad-charset", "application/json; charset=nonsense"),
              v("utf-16", "application/json; charset=utf-16"),
              v("empty-charset", "application/json; charset="),
              v("semicolons", "application/json;;"),
              v("text", "text/plain"),
              v("xml", "application/xml"),
              v("form", "application/x-www-form-urlencoded"),
              v("multipart-no-boundary", "multipart/form-data"),
              v("octets", "application/octet-stream"),
              v("problem", "application/problem+json"),
              v("json-lines", "application/x-ndjson"),
              v("json-lines-q", "application/x-ndjson;q=0.5, application/json;q=0.9"),
              v("wildcard", "*/*"),
              v("garbage", "garbage"),
              v("empty", ""),
              v("two-charsets", "application/json;charset=UTF-8;charset=latin1"),
              v("upper-case", "APPLICATION/JSON"),
              v("text-json", "text/json"),
              v("yaml", "application/yaml"),
              v("non-ascii-charset", "application/json; charset=x-\u00ff"));
      q.header("Content-Type", type.value());
      q.kinds.add("header:content-type=" + type.label());
    } else {
      q.kinds.add("header:no-content-type");
    }
  }

  /** The workflow id a PUT targets, as the server decodes it (for a matching body "id"). */
  private static String workflowIdIn(String url) {
    String path = url.replaceFirst("^.*/api/workflows/", "").replaceFirst("\\?.*$", "");
    try {
      return java.net.URLDecoder.decode(path.replace("+", "%2B"), UTF_8);
    } catch (IllegalArgumentException e) {
      return path;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Bodies

  record Body(String label, byte[] bytes) {
    static Body of(String label, String json) {
      return new Body(label, json.getBytes(UTF_8));
    }
  }

  private static Body genericBody(Random r) {
    switch (r.nextInt(30)) {
      case 0:
        return Body.of("empty", "");
      case 1:
        return Body.of("null", "null");
      case 2:
        return Body.of("true", "true");
      case 3:
        return Body.of("number", "12");
      case 4:
        return Body.of("string", "\"text\"");
      case 5:
        return Body.of("array", "[1, 2]");
      case 6:
        return Body.of("unclosed", "{not json");
      case 7:
        return Body.of("single-quotes", "{'a': 1}");
      case 8:
        return Body.of("trailing-comma", "{\"a\": 1,}");
      case 9:
        return Body.of("bom", "\uFEFF{}");
      case 10:
        return Body.of("two-documents", "{}{}");
      case 11:
        {
          int depth = 1000 + r.nextInt(20_000);
          return Body.of("deep-arrays", "[".repeat(depth) + "]".repeat(depth));
        }
      case 12:
        {
          int depth = 1000 + r.nextInt(5000);
          return Body.of("deep-objects", "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
        }
      case 13:
        return Body.of("number-1200-digits", "{\"x\": " + digits(1200) + "}");
      case 14:
        return Body.of("number-1e2147483648", "{\"x\": 1e2147483648}");
      case 15:
        return Body.of("number-tiny-exponent", "{\"x\": -1e-2147483649}");
      case 16:
        return Body.of("nul-escaped", "{\"x\": \"a\\u0000b\"}");
      case 17:
        return Body.of("nul-raw", "{\"x\": \"a\u0000b\"}");
      case 18:
        return new Body("invalid-utf8", invalidUtf8("{\"x\": \"", "\"}", r));
      case 19:
        return Body.of("lone-surrogate", "{\"x\": \"\\uD800\"}");
      case 20:
        {
          int length = r.nextInt(10) == 0 ? 2_000_000 : 300_000;
          return Body.of(
              "string-" + length / 1000 + "k", "{\"x\": \"" + "y".repeat(length) + "\"}");
        }
      case 21:
        return Body.of("duplicate-keys", "{\"a\": 1, \"a\": 2}");
      case 22:
        return Body.of("form", "a=1&b=2");
      case 23:
        return Body.of("xml", "<?xml version=\"1.0\"?><a/>");
      case 24:
        {
          StringBuilder json = new StringBuilder("{");
          for (int i = 0; i < 20_000; i++) {
            json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
          }
          return Body.of("20000-keys", json.append('}').toString());
        }
      case 25:
        return Body.of("leading-zeros", "{\"x\": 0123}");
      case 26:
        return Body.of("nan", "{\"x\": NaN, \"y\": Infinity}");
      case 27:
        return Body.of("unterminated-string", "{\"x\": \"abc");
      case 28:
        return Body.of("whitespace", " \n\t ");
      default:
        return new Body(
            "truncated-utf8",
            concat("{\"x\": \"\u00e9".getBytes(UTF_8), new byte[] {(byte) 0xE2, (byte) 0x82}));
    }
  }

  private static Body runBody(Random r) {
    int x = r.nextInt(100);
    if (x < 8) {
      return null; // no body at all
    }
    if (x < 14) {
      return Body.of(
          "inputs-" + oneOf(r, "array", "string", "number"),
          "{\"inputs\": " + oneOf(r, "[1, 2]", "\"x\"", "5") + "}");
    }
    if (x < 20) {
      int depth = oneOf(r, 100, 500, 990, 1100, 3000);
      return Body.of(
          "inputs-deep-" + depth,
          "{\"inputs\": " + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}");
    }
    if (x < 23) {
      int length = r.nextInt(4) == 0 ? 2_000_000 : 200_000;
      return Body.of(
          "inputs-string-" + length / 1000 + "k",
          "{\"inputs\": {\"name\": \"" + "n".repeat(length) + "\"}}");
    }
    if (x < 26) {
      return new Body("inputs-invalid-utf8", invalidUtf8("{\"inputs\": {\"name\": \"", "\"}}", r));
    }
    if (x < 40) {
      V trigger =
          oneOf(
              r,
              v("empty", "\"\""),
              v("blank", "\"   \""),
              v("33-chars", json("t".repeat(33))),
              v("32-emoji", json("\uD83D\uDE00".repeat(32))),
              v("32-umlauts", json("\u00fc".repeat(32))),
              v("nul", json("\u0000")),
              v("control", json("\u0001\u0002\u001b[31m")),
              v("number", "5"),
              v("null", "null"),
              v("object", "{}"),
              v("1200-digits", digits(1200)),
              v("1e2147483648", "1e2147483648"),
              v("lone-surrogate", "\"\\uDC00\""));
      return Body.of("trigger-" + trigger.label(), "{\"trigger\": " + trigger.value() + "}");
    }
    V name = hostileText(r);
    V n =
        oneOf(
            r,
            v("5", "5"),
            v("1200-digits", digits(1200)),
            v("1e2147483648", "1e2147483648"),
            v("negative", "-99999999999999999999"),
            v("fraction", "0." + "0".repeat(1000) + "1"),
            v("string", "\"100\""),
            v("null", "null"),
            v("array", "[]"));
    String extra =
        r.nextInt(5) == 0 ? ", \"unknown\": {\"x\": [1, {\"y\": null}]}, \"__proto__\": {}" : "";
    return Body.of(
        "inputs-name-" + name.label() + "+inputs-n-" + n.label(),
        "{\"inputs\": {\"name\": "
            + json(name.value())
            + ", \"n\": "
            + n.value()
            + ", \"url\": \"http://127.0.0.1:1/\"}"
            + extra
            + "}");
  }

  private static Body recordingBody(Random r) {
    int x = r.nextInt(100);
    if (x < 8) {
      return Body.of("recording-true", "{\"recording\": true}");
    }
    if (x < 10) {
      return Body.of("recording-false", "{\"recording\": false}");
    }
    V value =
        oneOf(
            r,
            v("string-true", "\"true\""),
            v("string-false", "\"false\""),
            v("one", "1"),
            v("zero", "0"),
            v("null", "null"),
            v("array", "[true]"),
            v("object", "{}"),
            v("1e2147483648", "1e2147483648"),
            v("nul", "\"\\u0000\""));
    String key = r.nextInt(10) == 0 ? "Recording" : "recording";
    return Body.of("recording-" + value.label(), "{\"" + key + "\": " + value.value() + "}");
  }

  /** The definition every runnable fuzz workflow starts from. */
  static String baseDefinition(String id) {
    return "{\"id\": "
        + json(id)
        + ", \"name\": \"Fuzz target\", \"description\": \"Saved by ApiFuzzIT\", \"nodes\": ["
        + "{\"id\": \"read\", \"type\": \"transform\", \"config\": {\"set\":"
        + " {\"name\": \"${input.name}\", \"n\": \"${input.n}\"}}},"
        + "{\"id\": \"check\", \"type\": \"branch\", \"config\": {\"condition\":"
        + " \"${nodes.read.n} <= 100\"}},"
        + "{\"id\": \"ask\", \"type\": \"llm\", \"config\": {\"prompt\":"
        + " \"Greet ${nodes.read.name}\", \"latencyMs\": 1}},"
        + "{\"id\": \"refuse\", \"type\": \"fail\", \"config\": {\"message\": \"too big\"}}],"
        + " \"edges\": [{\"from\": \"read\", \"to\": \"check\"},"
        + " {\"from\": \"check\", \"to\": \"ask\", \"when\": \"true\"},"
        + " {\"from\": \"check\", \"to\": \"refuse\", \"when\": \"false\"}]}";
  }

  /**
   * A workflow definition with hostile parts. With {@code anyTiming} false it only ever has fast
   * nodes (transform, branch, fail without retry, llm of at most 5 ms): such workflows may be run.
   */
  private static Body definition(Random r, String id, boolean anyTiming) {
    List<String> labels = new ArrayList<>();
    String idJson = json(id);
    String name = json("Fuzz " + r.nextInt(100));
    String description = json("Saved by ApiFuzzIT");
    String version = "";
    String setValue = json("${input.name}");
    String prompt = json("Greet ${nodes.read.name}");
    String condition = json("${nodes.read.n} <= 100");
    String readId = json("read");
    String readType = json("transform");
    String readConfig = null;
    String extraNode = "";
    String edges = null;
    String extraTop = "";
    int mutations = 1 + r.nextInt(3);
    for (int i = 0; i < mutations; i++) {
      int m = r.nextInt(anyTiming ? 24 : 19);
      switch (m) {
        case 0 -> {
          V p = badPlaceholder(r);
          setValue = json(p.value());
          labels.add("placeholder-" + p.label());
        }
        case 1 -> {
          V p = badPlaceholder(r);
          prompt = json("Greet " + p.value());
          labels.add("prompt-placeholder-" + p.label());
        }
        case 2 -> {
          int length = oneOf(r, 201, 256, 1000, 5000);
          name = json("n".repeat(length));
          labels.add("name-" + length);
        }
        case 3 -> {
          int length = oneOf(r, 2001, 4000, 20_000);
          description = json("d".repeat(length));
          labels.add("description-" + length);
        }
        case 4 -> {
          V text = hostileText(r);
          name = json(text.value());
          description = json(text.value());
          labels.add("name-" + text.label());
        }
        case 5 -> {
          V wrong =
              oneOf(
                  r,
                  v("number", "5"),
                  v("null", "null"),
                  v("array", "[]"),
                  v("mismatch", json("other-id")),
                  v("101-chars", json("a".repeat(101))),
                  v("unicode", json("\u00fcber")));
          idJson = wrong.value();
          labels.add("id-" + wrong.label());
        }
        case 6 -> {
          V wrong =
              oneOf(
                  r,
                  v("0", "0"),
                  v("-1", "-1"),
                  v("1200-digits", digits(1200)),
                  v("1e2147483648", "1e2147483648"),
                  v("fraction", "1.5"),
                  v("string", "\"1\""),
                  v("int-overflow", "2147483648"),
                  v("null", "null"));
          version = ", \"version\": " + wrong.value();
          labels.add("version-" + wrong.label());
        }
        case 7 -> {
          V type =
              oneOf(
                  r,
                  v("unknown", "\"quantum\""),
                  v("upper-case", "\"LLM\""),
                  v("empty", "\"\""),
                  v("number", "7"),
                  v("null", "null"));
          readType = type.value();
          labels.add("node-type-" + type.label());
        }
        case 8 -> {
          V config =
              oneOf(
                  r,
                  v("array", "[]"),
                  v("string", "\"x\""),
                  v("set-array", "{\"set\": [1]}"),
                  v("set-null", "{\"set\": null}"),
                  v("empty", "{}"));
          readConfig = config.value();
          labels.add("config-" + config.label());
        }
        case 9 -> {
          V e =
              oneOf(
                  r,
                  v("not-array", "{}"),
                  v("ghost", "[{\"from\": \"read\", \"to\": \"ghost\"}]"),
                  v("self-loop", "[{\"from\": \"read\", \"to\": \"read\"}]"),
                  v(
                      "when-on-transform",
                      "[{\"from\": \"read\", \"to\": \"check\", \"when\": \"true\"}]"),
                  v("when-maybe", "[{\"from\": \"check\", \"to\": \"ask\", \"when\": \"maybe\"}]"),
                  v("numbers", "[{\"from\": 1, \"to\": 2}]"),
                  v("null-edge", "[null]"),
                  v("empty-edge", "[{}]"));
          edges = e.value();
          labels.add("edges-" + e.label());
        }
        case 10 -> {
          V nodeId = hostileText(r);
          readId = json(nodeId.value());
          labels.add("node-id-" + nodeId.label());
        }
        case 11 -> {
          int depth = oneOf(r, 200, 900, 1500);
          extraTop = ", \"extra\": " + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
          labels.add("extra-deep-" + depth);
        }
        case 12 -> {
          extraNode = ", {\"id\": \"read\", \"type\": \"transform\", \"config\": {\"set\": {}}}";
          labels.add("duplicate-node");
        }
        case 13 -> {
          V c = badCondition(r);
          condition = json(c.value());
          labels.add("condition-" + c.label());
        }
        case 14 -> {
          String big = oneOf(r, digits(1200), "1e2147483648", "-1e2147483648");
          readConfig = "{\"set\": {\"n\": " + big + "}}";
          labels.add("config-big-number");
        }
        case 15 -> {
          extraNode =
              ", {\"id\": \"labelled\", \"type\": \"transform\", \"label\": "
                  + oneOf(r, json("l".repeat(5000)), "5", "null", json("\u0000"))
                  + ", \"config\": {\"set\": {}}}";
          labels.add("label");
        }
        case 16 -> {
          if (r.nextInt(8) == 0) {
            StringBuilder many = new StringBuilder();
            for (int k = 0; k < 10_001; k++) {
              many.append(", {\"id\": \"m")
                  .append(k)
                  .append("\", \"type\": \"transform\", \"config\": {\"set\": {}}}");
            }
            extraNode = many.toString();
            labels.add("10002-nodes");
          } else {
            StringBuilder many = new StringBuilder();
            int count = anyTiming ? 300 : 30; // runnable workflows stay small
            for (int k = 0; k < count; k++) {
              many.append(", {\"id\": \"m")
                  .append(k)
                  .append("\", \"type\": \"transform\", \"config\": {\"set\": {\"x\": \"${nodes.m")
                  .append(k)
                  .append(".x}\"}}}");
            }
            extraNode = many.toString();
            labels.add(count + "-nodes");
          }
        }
        case 17 -> {
          String nodes = oneOf(r, "[]", "{}", "\"x\"", "[null]", "[1]", "null");
          return Body.of(
              "definition-nodes-" + nodes.replaceAll("\\W", "_"),
              "{\"id\": " + idJson + ", \"name\": " + name + ", \"nodes\": " + nodes + "}");
        }
        case 18 -> {
          setValue = json("\u0000${input.name}\u0000");
          labels.add("nul-in-set");
        }
        // Only for workflows that are never run: slow or hostile timing.
        case 19 -> {
          V retry =
              oneOf(
                  r,
                  v("max-11", "{\"maxAttempts\": 11}"),
                  v("max-0", "{\"maxAttempts\": 0}"),
                  v("max-string", "{\"maxAttempts\": \"3\"}"),
                  v("max-1e2147483648", "{\"maxAttempts\": 1e2147483648}"),
                  v("max-int-overflow", "{\"maxAttempts\": 2147483648}"),
                  v("backoff-negative", "{\"maxAttempts\": 2, \"backoffMs\": -1}"),
                  v("backoff-huge", "{\"maxAttempts\": 10, \"backoffMs\": 60000}"),
                  v("multiplier-0", "{\"maxAttempts\": 2, \"multiplier\": 0}"),
                  v("multiplier-1e400", "{\"maxAttempts\": 2, \"multiplier\": 1e400}"),
                  v("multiplier-string", "{\"maxAttempts\": 2, \"multiplier\": \"x\"}"));
          extraNode =
              ", {\"id\": \"retrying\", \"type\": \"fail\", \"retry\": " + retry.value() + "}";
          labels.add("retry-" + retry.label());
        }
        case 20 -> {
          String timeout =
              oneOf(r, "0", "-1", "600001", "2147483648", "1e2147483648", "1.5", "\"5\"", "600000");
          extraNode =
              ", {\"id\": \"timed\", \"type\": \"transform\", \"timeoutMs\": "
                  + timeout
                  + ", \"config\": {\"set\": {}}}";
          labels.add("timeout-" + timeout.replaceAll("\\W", "_"));
        }
        case 21 -> {
          String ms = oneOf(r, "-1", "99999999999", "1e2147483648", "\"x\"", "null", "600000");
          extraNode = ", {\"id\": \"wait\", \"type\": \"delay\", \"config\": {\"ms\": " + ms + "}}";
          labels.add("delay-" + ms.replaceAll("\\W", "_"));
        }
        case 22 -> {
          String url =
              oneOf(
                  r,
                  "\"\"",
                  "\"file:///etc/passwd\"",
                  "\"javascript:alert(1)\"",
                  "\"${input.url}\"",
                  "5",
                  "\"http://[::1\"");
          extraNode =
              ", {\"id\": \"call\", \"type\": \"http\", \"config\": {\"url\": "
                  + url
                  + ", \"method\": \"TRACE\"}}";
          labels.add("http-url-" + url.replaceAll("\\W", "_"));
        }
        default -> {
          String latency = oneOf(r, "-1", "1e2147483648", "99999999999", "\"x\"");
          extraNode =
              ", {\"id\": \"slow\", \"type\": \"llm\", \"config\": {\"prompt\": \"x\","
                  + " \"latencyMs\": "
                  + latency
                  + "}}";
          labels.add("latency-" + latency.replaceAll("\\W", "_"));
        }
      }
    }
    if (readConfig == null) {
      readConfig = "{\"set\": {\"name\": " + setValue + ", \"n\": \"${input.n}\"}}";
    }
    if (edges == null) {
      edges =
          "[{\"from\": \"read\", \"to\": \"check\"},"
              + " {\"from\": \"check\", \"to\": \"ask\", \"when\": \"true\"},"
              + " {\"from\": \"check\", \"to\": \"refuse\", \"when\": \"false\"}]";
    }
    String json =
        "{\"id\": "
            + idJson
            + version
            + ", \"name\": "
            + name
            + ", \"description\": "
            + description
            + ", \"nodes\": [{\"id\": "
            + readId
            + ", \"type\": "
            + readType
            + ", \"config\": "
            + readConfig
            + "}, {\"id\": \"check\", \"type\": \"branch\", \"config\": {\"condition\": "
            + condition
            + "}}, {\"id\": \"ask\", \"type\": \"llm\", \"config\": {\"prompt\": "
            + prompt
            + ", \"latencyMs\": "
            + r.nextInt(6)
            + "}}, {\"id\": \"refuse\", \"type\": \"fail\", \"config\": {\"message\": \"no\"}}"
            + extraNode
            + "], \"edges\": "
            + edges
            + extraTop
            + "}";
    return Body.of(
        labels.stream().map(l -> "definition-" + l).collect(Collectors.joining("+")), json);
  }

  private static V badPlaceholder(Random r) {
    return oneOf(
        r,
        v("dot", "${.}"),
        v("dots", "${...}"),
        v("empty", "${}"),
        v("blank", "${ }"),
        v("unclosed", "${input.name"),
        v("input-dot", "${input.}"),
        v("double-dot", "${input..name}"),
        v("nodes-only", "${nodes}"),
        v("nodes-dot", "${nodes.}"),
        v("unknown-node", "${nodes.ghost.text}"),
        v("deep-missing", "${nodes.read.a.b.c.d}"),
        v("nested", "${${input.name}}"),
        v("dollar-dollar", "$${input.name}"),
        v("nul", "${\u0000}"),
        v("long", "${input." + "a".repeat(5000) + "}"),
        v("thousand-dots", "${" + ".".repeat(1000) + "}"),
        v("index", "${input[0]}"),
        v("numeric", "${input.0}"),
        v("proto", "${input.__proto__}"),
        v("jndi", "${jndi:ldap://127.0.0.1/x}"),
        v("many", "${input.name}".repeat(2000)),
        v("regex-group", "$1 \\${input.name}"));
  }

  private static V badCondition(Random r) {
    return oneOf(
        r,
        v("no-right-side", "${nodes.read.n} <="),
        v("operators-only", "== =="),
        v("dots", "${.} == ${...}"),
        v("1e2147483648", "1e2147483648 > 1"),
        v("huge-integer", "${nodes.read.n} > 99999999999999999999999"),
        v("nan", "${nodes.read.n} > NaN"),
        v("empty", ""),
        v("parenthesis", "((("),
        v("spaceship", "${nodes.read.n} <=> 1"),
        v("nul", "\u0000"),
        v("long", "1 == " + "1".repeat(5000)),
        v("string-compare", "${input.name} == 'x'"));
  }

  // ---------------------------------------------------------------------------------------------
  // Hostile values

  /** A hostile value with a short label for the report. */
  record V(String label, String value) {}

  static V v(String label, String value) {
    return new V(label, value);
  }

  @SafeVarargs
  static <T> T oneOf(Random r, T... values) {
    return values[r.nextInt(values.length)];
  }

  static V hostileText(Random r) {
    return oneOf(
        r,
        v("empty", ""),
        v("long-5000", "L".repeat(5000)),
        v("nul", "\u0000"),
        v("nul-inside", "ab\u0000cd"),
        v("emoji", "\uD83D\uDE00\uD83D\uDCA5"),
        v("unicode", "Gr\u00fc\u00dfe \u65e5\u672c\u8a9e \u05e2\u05d1\u05e8\u05d9\u05ea"),
        v("rtl-override", "\u202Egnp.exe"),
        v("lone-surrogate", "x\uD800y"),
        v("nonchar", "\uFFFF\uFFFE"),
        v("sql", "' OR '1'='1' --"),
        v("sql-drop", "1; DROP TABLE wf_run; --"),
        v("xss", "<script>alert(1)</script>"),
        v("dotdot", ".."),
        v("dot", "."),
        v("traversal", "../../etc/passwd"),
        v("percent", "%"),
        v("percent-like", "%zz%"),
        v("whitespace", " \t "),
        v("crlf", "a\r\nX-Injected: 1"),
        v("backslash", "\\..\\"),
        v("like-wildcards", "%_%"),
        v("placeholder", "${input.name}"),
        v("log4shell", "${jndi:ldap://127.0.0.1/x}"),
        v("bom-zero-width", "\uFEFF\u200B"),
        v("null-word", "null"),
        v("control", "\u0001\u001b[31m\u007f"));
  }

  /** Percent-encoding that is valid as such, put into the URL as it is. */
  static V rawPercent(Random r) {
    return oneOf(
        r,
        v("nul", "%00"),
        v("nul-inside", "a%00b"),
        v("invalid-utf8", "%FF%FE"),
        v("overlong-dots", "%C0%AE%C0%AE"),
        v("overlong-nul", "%C0%80"),
        v("slash", "%2F"),
        v("dotdot", "%2e%2e"),
        v("dot", "%2e"),
        v("backslash", "%5C"),
        v("double-encoded-slash", "%252F"),
        v("percent", "%25"),
        v("encoded-surrogate", "%ED%A0%80"),
        v("rtl-override", "%E2%80%AE"),
        v("beyond-unicode", "%F4%90%80%80"),
        v("lone-continuation", "%80"),
        v("newline", "%0A"),
        v("crlf", "%0D%0A"),
        v("space", "%20"),
        v("semicolon", "%3B"),
        v("question-mark", "%3F"),
        v("hash", "%23"),
        v("braces", "%7B%7D"),
        v("truncated-utf8", "%F0%9F%98"),
        v("matrix-param", "no-such;x=1"),
        v("jsessionid", "x;jsessionid=abc"),
        v("nonchar", "%EF%BF%BF"));
  }

  /** Ids of the right alphabet and the wrong length, case or form. */
  private static V wrongShape(Random r, String param) {
    String uuid = new UUID(r.nextLong(), r.nextLong()).toString();
    return switch (param) {
      case "traceId" ->
          oneOf(
              r,
              v("hex-31", hex(r, 31)),
              v("hex-33", hex(r, 33)),
              v("hex-32-upper", hex(r, 32).toUpperCase(Locale.ROOT)),
              v("hex-32-with-g", hex(r, 31) + "g"),
              v("zeros-32", "0".repeat(32)),
              v("hex-64", hex(r, 64)),
              v("uuid", uuid));
      case "spanId" ->
          oneOf(
              r,
              v("hex-15", hex(r, 15)),
              v("hex-17", hex(r, 17)),
              v("hex-16-upper", hex(r, 16).toUpperCase(Locale.ROOT)),
              v("zeros-16", "0".repeat(16)),
              v("hex-32", hex(r, 32)));
      case "runId" ->
          oneOf(
              r,
              v("uuid-upper", uuid.toUpperCase(Locale.ROOT)),
              v("uuid-no-dashes", uuid.replace("-", "")),
              v("uuid-braces", "{" + uuid + "}"),
              v("dashes-36", "-".repeat(36)),
              v("f-36", "f".repeat(36)),
              v("uuid-plus-x", uuid + "x"),
              v("uuid-with-g", uuid.substring(0, 35) + "g"),
              v("nil-uuid", "00000000-0000-0000-0000-000000000000"));
      default ->
          oneOf(
              r,
              v("id-101-chars", "a".repeat(101)),
              v("id-100-chars", "b".repeat(100)),
              v("leading-dash", "-x"),
              v("leading-underscore", "_x"),
              v("with-space", "a b"),
              v("with-slash", "a/b"),
              v("undefined", "undefined"),
              v("zero", "0"));
    };
  }

  static V hostileInteger(Random r) {
    return oneOf(
        r,
        v("empty", ""),
        v("negative", "-1"),
        v("zero", "0"),
        v("minus-zero", "-0"),
        v("leading-zeros", "00001"),
        v("20-digits", "99999999999999999999"),
        v("long-max", "9223372036854775807"),
        v("long-max-plus-1", "9223372036854775808"),
        v("long-min", "-9223372036854775808"),
        v("int-max-plus-1", "2147483648"),
        v("exponent", "1e3"),
        v("hex", "0x1F"),
        v("fraction", "1.5"),
        v("nan", "NaN"),
        v("infinity", "Infinity"),
        v("plus", "+5"),
        v("padded", " 5 "),
        v("arabic-digits", "\u0661\u0662\u0663"),
        v("1200-digits", digits(1200)),
        v("1e2147483648", "1e2147483648"),
        v("word", "ten"),
        v("nul-suffix", "5\u0000"));
  }

  static V hostileInstant(Random r) {
    return oneOf(
        r,
        v("year-plus-1e9", "+1000000000-01-01T00:00:00Z"),
        v("year-minus-1e9", "-1000000000-01-01T00:00:00Z"),
        v("instant-max", "+1000000000-12-31T23:59:59.999999999Z"),
        v("year-plus-999999999", "+999999999-12-31T23:59:59Z"),
        v("epoch-millis-max-plus-1", "+292278994-08-17T07:12:55.808Z"),
        v("epoch-millis-min-minus-1", "-292275055-05-16T16:47:04.191Z"),
        v("year-0", "0000-01-01T00:00:00Z"),
        v("epoch", "1970-01-01T00:00:00Z"),
        v("month-13", "2026-13-01T00:00:00Z"),
        v("feb-30", "2026-02-30T00:00:00Z"),
        v("date-only", "2026-01-01"),
        v("offset", "2026-01-01T00:00:00+01:00"),
        v("hour-24", "2026-01-01T24:00:00Z"),
        v("second-60", "2026-01-01T00:00:60Z"),
        v("word", "now"),
        v("epoch-number", "1700000000000"),
        v("nul-suffix", "2026-01-01T00:00:00Z\u0000"),
        v("nanos-10-digits", "2026-01-01T00:00:00.1234567891Z"));
  }

  /** For retention: invalid, or so far in the past that a purge deletes nothing. */
  static V hugeOrInvalidCap(Random r) {
    return oneOf(
        r,
        v("empty", ""),
        v("negative", "-1"),
        v("long-max", "9223372036854775807"),
        v("long-max-plus-1", "9223372036854775808"),
        v("fraction", "1.5"),
        v("exponent", "1e9"),
        v("hex", "0x10"),
        v("word", "all"),
        v("digits", "9".repeat(5000)),
        v("nul-suffix", "10\u0000"));
  }

  static V pastOrInvalidInstant(Random r) {
    return oneOf(
        r,
        v("empty", ""),
        v("blank", "   "),
        v("word", "soon"),
        v("epoch", "1970-01-01T00:00:00Z"),
        v("year-1999", "1999-12-31T23:59:59Z"),
        v("year-minus-1e9", "-1000000000-01-01T00:00:00Z"),
        v("year-minus-999999999", "-999999999-01-01T00:00:00Z"),
        v("epoch-millis-min", "-292275055-05-16T16:47:04.192Z"),
        v("epoch-millis-min-minus-1", "-292275055-05-16T16:47:04.191Z"),
        v("year-0", "0000-01-01T00:00:00Z"),
        v("date-only", "1970-01-01"),
        v("month-13", "1970-13-01T00:00:00Z"),
        v("nul-suffix", "1970-01-01T00:00:00Z\u0000"),
        v("long", "1970".repeat(1250)),
        v("null-word", "null"),
        v("sql", "1970-01-01T00:00:00Z' OR '1'='1"));
  }

  static V hostileAttribute(Random r) {
    return oneOf(
        r,
        v("equals-only", "="),
        v("no-equals", "a"),
        v("no-value", "a="),
        v("no-key", "=b"),
        v("key-1256", "k".repeat(1256) + "=v"),
        v("value-5000", "k=" + "v".repeat(5000)),
        v("tokens-20-digits", "gen_ai.usage.input_tokens=99999999999999999999"),
        v("tokens-1200-digits", "gen_ai.usage.input_tokens=" + digits(1200)),
        v("tokens-1e2147483648", "gen_ai.usage.input_tokens=1e2147483648"),
        v("tokens-minus-zero", "gen_ai.usage.input_tokens=-0"),
        v("tokens-nan", "gen_ai.usage.input_tokens=NaN"),
        v("tokens-hex", "gen_ai.usage.input_tokens=0x10"),
        v("value-percent", "x=%"),
        v("value-underscore", "x=_"),
        v("value-nul", "x=\u0000"),
        v("value-sql", "x=' OR 1=1 --"),
        v("nul-both", "\u0000=\u0000"),
        v("emoji-value", "workflow.node.id=\uD83D\uDE00"),
        v("double-equals", "a==b"),
        v("equals-100", "=".repeat(100)),
        v("json-path", "$.a[0]=1"));
  }

  static V hostileCursor(Random r) {
    String uuid = new UUID(r.nextLong(), r.nextLong()).toString();
    return oneOf(
        r,
        v("bangs", "!!!"),
        v("padding-only", "===="),
        v("v1-valid-shape", b64url("v1:1:" + uuid)),
        v("v1-20-digits", b64url("v1:99999999999999999999:" + uuid)),
        v("v1-negative", b64url("v1:-1:" + uuid)),
        v("v1-long-min", b64url("v1:-9223372036854775808:" + uuid)),
        v("v1-dashes", b64url("v1:1:" + "-".repeat(36))),
        v("v2", b64url("v2:1:x")),
        v("v1-only", b64url("v1")),
        v("v1-empty-parts", b64url("v1::")),
        v("invalid-utf8", Base64.getUrlEncoder().encodeToString(new byte[] {(byte) 0xFF, 0, 1})),
        v("long-5000", "A".repeat(5000)),
        v("standard-base64", "+/+/+/=="),
        v("v1-extra-part", b64url("v1:1:" + uuid + ":extra")),
        v("nul", "\u0000"));
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  static long mix(long seed, int number) {
    long z = seed + number * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static Set<Integer> only(String list) {
    Set<Integer> numbers = new TreeSet<>();
    for (String part : list.split(",")) {
      if (!part.isBlank()) {
        numbers.add(Integer.parseInt(part.trim()));
      }
    }
    return numbers;
  }

  static String basic(String user, String password) {
    return "Basic " + b64((user + ":" + password).getBytes(UTF_8));
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static String b64url(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(UTF_8));
  }

  private static String hex(Random r, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append("0123456789abcdef".charAt(r.nextInt(16)));
    }
    return out.toString();
  }

  private static String digits(int count) {
    return "9" + "8".repeat(count - 1);
  }

  /** Percent-encodes everything but RFC 3986's unreserved characters, as UTF-8. */
  static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(UTF_8)) {
      int c = b & 0xFF;
      if (c >= 'a' && c <= 'z'
          || c >= 'A' && c <= 'Z'
          || c >= '0' && c <= '9'
          || "-._~".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%')
            .append("0123456789ABCDEF".charAt(c >> 4))
            .append("0123456789ABCDEF".charAt(c & 15));
      }
    }
    return out.toString();
  }

  /** A JSON string literal; control characters and lone surrogates as \\u escapes. */
  static String json(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean loneSurrogate =
          Character.isSurrogate(c)
              && !(Character.isHighSurrogate(c)
                      && i + 1 < text.length()
                      && Character.isLowSurrogate(text.charAt(i + 1))
                  || Character.isLowSurrogate(c)
                      && i > 0
                      && Character.isHighSurrogate(text.charAt(i - 1)));
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7F || loneSurrogate) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static byte[] invalidUtf8(String before, String after, Random r) {
    byte[] bad =
        oneOf(
            r,
            new byte[] {(byte) 0xFF, (byte) 0xFE},
            new byte[] {(byte) 0xC0, (byte) 0xAE},
            new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xE2, (byte) 0x82, 'x'});
    return concat(before.getBytes(UTF_8), bad, after.getBytes(UTF_8));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** Printable, short: control and non-ASCII characters escaped, the middle of long text cut. */
  static String excerpt(String text, int max) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < max; i++) {
      char c = text.charAt(i);
      out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return text.length() > max || out.length() >= max
        ? out + "...(" + text.length() + " chars)"
        : out.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Reporting

  /** A request whose answer broke the rules; described in full for the first few. */
  record Failure(
      int number,
      String operation,
      String answer,
      String problem,
      List<String> kinds,
      String description) {

    static Failure of(Request q, Outcome o, String problem, boolean describe, long seed) {
      String type = o.contentType().replaceAll(";.*", "");
      String operation =
          q.operation + (q.operation.startsWith(q.method + " ") ? "" : " sent as " + q.method);
      String answer =
          o.error() != null
              ? "no answer"
              : o.status() + " " + (type.isEmpty() ? "(no type)" : type);
      return new Failure(
          q.number,
          operation,
          answer,
          problem,
          q.kinds,
          describe ? describe(q, o, problem, seed) : null);
    }

    private static String describe(Request q, Outcome o, String problem, long seed) {
      String headers =
          q.headers.stream()
              .map(h -> h[0] + ": " + excerpt(h[1], 80))
              .collect(Collectors.joining(" | "));
      String body = q.body == null ? "(none)" : excerpt(new String(q.body, UTF_8), 160);
      return String.format(
          "#%d (seed %d) %s%n    %s %s%n    as %s; headers: %s%n    body (%s bytes): %s%n"
              + "    kinds: %s%n    answer: %d %s: %s",
          q.number,
          seed,
          problem,
          q.method,
          excerpt(q.url, 300),
          q.who,
          headers,
          q.body == null ? 0 : q.body.length,
          body,
          q.kinds,
          o.status(),
          o.contentType(),
          excerpt(o.text(), 300));
    }
  }

  /** Counts for the report. */
  static final class Stats {
    int sent;
    int runsStarted;
    final Map<String, Integer> kinds = new TreeMap<>();
    final Map<String, Integer> skipped = new TreeMap<>();
    final Map<Integer, Integer> statuses = new TreeMap<>();
    final Map<String, Integer> operations = new TreeMap<>();
    long slowest;
    int slowestNumber;

    void count(Request q, Outcome o) {
      if (o.skipped() != null) {
        skipped.merge(excerpt(o.skipped(), 70), 1, Integer::sum);
        return;
      }
      sent++;
      statuses.merge(o.status(), 1, Integer::sum);
      operations.merge(q.operation, 1, Integer::sum);
      new TreeSet<>(q.kinds).forEach(k -> kinds.merge(k, 1, Integer::sum));
      if (q.operation.endsWith("/runs") && q.method.equals("POST") && o.status() == 201) {
        runsStarted++;
      }
      if (o.millis() > slowest) {
        slowest = o.millis();
        slowestNumber = q.number;
      }
    }
  }

  private String report(Stats stats, List<Failure> failures, double seconds, String stopped) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "ApiFuzzIT: seed %d: %d requests sent in %.1fs, %d skipped (refused by the HTTP"
                + " client), %d broke the rules; %d runs started; slowest #%d (%d ms)%n",
            seed,
            stats.sent,
            seconds,
            stats.skipped.values().stream().mapToInt(Integer::intValue).sum(),
            failures.size(),
            stats.runsStarted,
            stats.slowestNumber,
            stats.slowest));
    if (stopped != null) {
      out.append("  stopped early: ").append(stopped).append('\n');
    }
    out.append("  statuses: ").append(stats.statuses).append('\n');
    out.append("  per operation: ").append(stats.operations).append('\n');
    stats.skipped.forEach(
        (reason, count) ->
            out.append("  skipped ").append(count).append("x: ").append(reason).append('\n'));
    if (failures.isEmpty()) {
      return out.toString();
    }
    // The likely cause of a failure: of its inputs, the one that most often led to this answer
    // (smoothed, so that an input seen once does not outrank one that failed 50 times in 55).
    Map<String, Map<String, Integer>> byAnswer = new TreeMap<>();
    for (Failure f : failures) {
      Map<String, Integer> counts = byAnswer.computeIfAbsent(f.answer(), a -> new TreeMap<>());
      new TreeSet<>(f.kinds()).forEach(k -> counts.merge(k, 1, Integer::sum));
    }
    Map<String, List<Failure>> groups = new TreeMap<>();
    for (Failure f : failures) {
      Map<String, Integer> counts = byAnswer.get(f.answer());
      String cause =
          f.kinds().stream()
              .max(
                  Comparator.comparingDouble(
                          (String k) -> counts.get(k) / (stats.kinds.getOrDefault(k, 0) + 3.0))
                      .thenComparing(counts::get))
              .orElse("?");
      String key =
          f.answer()
              + " <- "
              + cause
              + " ("
              + counts.get(cause)
              + " of "
              + stats.kinds.getOrDefault(cause, 0)
              + " requests with it got this answer)";
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
    }
    out.append("\nFailures by answer and likely cause:\n");
    groups.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, List<Failure>> e) -> -e.getValue().size()))
        .forEach(
            e ->
                out.append(
                    String.format(
                        "  %dx %s%n      on %s%n      e.g. #%s%n",
                        e.getValue().size(),
                        e.getKey(),
                        e.getValue().stream()
                            .map(Failure::operation)
                            .collect(Collectors.toCollection(TreeSet::new)),
                        e.getValue().stream()
                            .limit(5)
                            .map(f -> String.valueOf(f.number()))
                            .collect(Collectors.joining(", #")))));
    out.append("\nThe first ")
        .append(Math.min(failures.size(), MAX_DESCRIBED))
        .append(" failures (replay one with -Dfuzz.seed=")
        .append(seed)
        .append(" -Dfuzz.only=N):\n");
    failures.stream()
        .filter(f -> f.description() != null)
        .forEach(f -> out.append(f.description()).append('\n'));
    return out.toString();
  }

  /**
   * One line per request, for finding what a seed sent: number, who, method, URL, kinds, answer.
   */
  private static String logLine(Request q, Outcome o) {
    String answer =
        o.skipped() != null
            ? "skipped: " + excerpt(o.skipped(), 80)
            : o.error() != null
                ? "no answer: " + excerpt(o.error(), 80)
                : o.status() + " " + o.contentType() + " " + o.millis() + "ms" + reference(o);
    return "#"
        + q.number
        + " "
        + q.who
        + " "
        + q.method
        + " "
        + excerpt(q.url, 200)
        + " "
        + q.kinds
        + " -> "
        + answer;
  }

  /** The server log's reference for a 500, or the start of a body that is not a problem. */
  private static String reference(Outcome o) {
    if (o.status() < 400) {
      return "";
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("reference ([0-9a-f-]{36})").matcher(o.text());
    if (m.find()) {
      return " ref " + m.group(1);
    }
    return o.contentType().startsWith("application/problem+json")
        ? ""
        : " body " + excerpt(o.text().replaceAll("<[^>]*>", " ").trim(), 60);
  }

  /** Into target/, one file per server configuration (failsafe runs this test for each). */
  private static void write(String name, String text) {
    String target = System.getProperty("it.target");
    String variant = "false".equals(System.getenv("TRACING_ENABLED")) ? "-tracing-disabled" : "";
    if (target != null) {
      try {
        Files.writeString(Path.of(target, name + variant + ".txt"), text);
      } catch (IOException e) {
        System.out.println("ApiFuzzIT: could not write " + name + ": " + e);
      }
    }
  }
}
