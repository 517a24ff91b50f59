package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The login page's sessions and API tokens over HTTP: signing in and out, the cookies, CSRF, idle
 * expiry (the test servers' tracing.session.idle-timeout is 15 s), tokens created, used, revoked
 * and expired, their audit rows, and hostile input to both endpoints.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountsIT {

  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.builtEar();
  }

  /** A signed-in session: its cookie header and CSRF token. */
  record Session(String cookie, String csrf) {}

  static Session signIn(Api anonymous, String user, String password) {
    Api.Answer answer =
        anonymous.post(
            "api/session",
            Json.createObjectBuilder()
                .add("username", user)
                .add("password", password)
                .build()
                .toString());
    assertThat(answer.status()).as("%s", answer).isEqualTo(200);
    List<String> cookies = answer.headers().allValues("Set-Cookie");
    String session = cookieValue(cookies, "wt_session");
    String csrf = cookieValue(cookies, "wt_csrf");
    assertThat(answer.object().getString("csrfToken")).isEqualTo(csrf);
    return new Session("wt_session=" + session + "; wt_csrf=" + csrf, csrf);
  }

  private static String cookieValue(List<String> setCookies, String name) {
    return setCookies.stream()
        .filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(name.length() + 1, c.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + setCookies));
  }

  @Test
  void aSessionSignsInActsWithItsCsrfTokenAndSignsOut() {
    Api anonymous = Api.anonymous(baseUrl);
    Api.Answer page = anonymous.get("");
    assertThat(page.status()).isEqualTo(200);
    Api.Answer me = anonymous.get("api/me");
    ProblemResponsesIT.assertProblem(me, 401);
    assertThat(me.header("WWW-Authenticate")).doesNotStartWithIgnoringCase("basic");

    Api.Answer login =
        anonymous.post("api/session", "{\"username\":\"admin\",\"password\":\"admin-password\"}");
    List<String> cookies = login.headers().allValues("Set-Cookie");
    assertThat(cookies)
        .anySatisfy(
            c -> assertThat(c).startsWith("wt_session=").contains("HttpOnly", "SameSite=Strict"))
        .anySatisfy(c -> assertThat(c).startsWith("wt_csrf=").doesNotContain("HttpOnly"));
    assertThat(String.join(" ", cookies)).doesNotContain("admin-password");

    Session session = signIn(anonymous, "admin", "admin-password");
    Api.Answer meNow = anonymous.get("api/me", "Cookie", session.cookie());
    assertThat(meNow.status()).isEqualTo(200);
    assertThat(meNow.object().getString("user")).isEqualTo("admin");

    String body = tokenRequest("csrf-" + UUID.randomUUID(), "viewer", 30);
    ProblemResponsesIT.assertProblem(
        anonymous.post("api/admin/tokens", body, "Cookie", session.cookie()), 403);
    ProblemResponsesIT.assertProblem(
        anonymous.post(
            "api/admin/tokens", body, "Cookie", session.cookie(), "X-CSRF-Token", "forged"),
        403);
    assertThat(
            anonymous
                .post(
                    "api/admin/tokens",
                    body,
                    "Cookie",
                    session.cookie(),
                    "X-CSRF-Token",
                    session.csrf())
                .status())
        .isEqualTo(201);

    Api.Answer out =
        anonymous.call(
            "DELETE",
            "api/session",
            null,
            "Cookie",
            session.cookie(),
            "X-CSRF-Token",
            session.csrf());
    assertThat(out.status()).isEqualTo(204);
    Api.Answer after = anonymous.get("api/me", "Cookie", session.cookie());
    ProblemResponsesIT.assertProblem(after, 401);
    assertThat(after.object().getString("detail")).contains("signed out");

    JsonObject audit =
        new Api(baseUrl).get("api/admin/audit?actor=admin&action=logout&limit=5").object();
    assertThat(audit.getJsonArray("items")).isNotEmpty();
  }

  @Test
  void anIdleSessionExpiresAndABusyOneDoesNot() {
    Api anonymous = Api.anonymous(baseUrl);
    Session busy = signIn(anonymous, "viewer", "viewer-password");
    Session idle = signIn(anonymous, "viewer", "viewer-password");
    // 15 s idle timeout: the busy one is used every 4 s, the idle one not at all.
    for (int i = 0; i < 5; i++) {
      Api.sleep(4_000);
      assertThat(anonymous.get("api/me", "Cookie", busy.cookie()).status()).isEqualTo(200);
    }
    Api.Answer expired = anonymous.get("api/me", "Cookie", idle.cookie());
    ProblemResponsesIT.assertProblem(expired, 401);
    assertThat(expired.object().getString("detail")).contains("expired");
  }

  @Test
  void aWrongPasswordIsRefusedAuditedAndNeverStored() {
    Api anonymous = Api.anonymous(baseUrl);
    String user = "nobody-" + UUID.randomUUID();
    Api.Answer wrong =
        anonymous.post(
            "api/session", "{\"username\":\"" + user + "\",\"password\":\"Sup3r-secret-pw\"}");
    ProblemResponsesIT.assertProblem(wrong, 401);
    assertThat(wrong.header("WWW-Authenticate")).doesNotStartWithIgnoringCase("basic");
    Api.Answer audit =
        new Api(baseUrl).get("api/admin/audit?action=login.failed&actor=" + user + "&limit=5");
    assertThat(audit.object().getJsonArray("items")).hasSize(1);
    assertThat(audit.text()).doesNotContain("Sup3r-secret-pw");
    assertThat(serverLog()).doesNotContain("Sup3r-secret-pw");
  }

  /** The always-on test server's log, where no password or token may ever appear. */
  static String serverLog() {
    try {
      return java.nio.file.Files.readString(
          java.nio.file.Path.of(System.getProperty("it.target"), "it-server", "log", "server.log"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aTokenIsCreatedUsedRevokedAndExpires() {
    Api admin = new Api(baseUrl);
    String name = "ci-" + UUID.randomUUID();
    Api.Answer created = admin.post("api/admin/tokens", tokenRequest(name, "runner", 30));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    String secret = created.object().getString("secret");
    String id = created.object().getJsonObject("token").getString("id");
    assertThat(secret).matches("wt_[A-Za-z0-9_-]{43}");

    Api token = Api.withAuthorization(baseUrl, "Bearer " + secret);
    assertThat(token.get("api/me").object().getString("user")).isEqualTo("token:" + name);
    assertThat(token.get("api/workflows").status()).isEqualTo(200);
    ProblemResponsesIT.assertProblem(token.get("api/admin/tracing"), 403);

    Api.Answer listed = admin.get("api/admin/tokens");
    assertThat(listed.text()).contains(name).doesNotContain(secret);
    assertThat(admin.delete("api/admin/tokens/" + id).object().getString("state"))
        .isEqualTo("revoked");
    Api.Answer revoked = token.get("api/me");
    ProblemResponsesIT.assertProblem(revoked, 401);
    assertThat(revoked.object().getString("detail")).contains("revoked");

    // A token that expires in two seconds works until then, and never after.
    Api.Answer shortLived =
        admin.post(
            "api/admin/tokens",
            Json.createObjectBuilder()
                .add("name", name + "-short")
                .add("role", "viewer")
                .add("expiresAt", Instant.now().plusSeconds(2).toString())
                .build()
                .toString());
    Api soon = Api.withAuthorization(baseUrl, "Bearer " + shortLived.object().getString("secret"));
    assertThat(soon.get("api/me").status()).isEqualTo(200);
    Api.sleep(2_500);
    ProblemResponsesIT.assertProblem(soon.get("api/me"), 401);

    Api.Answer audit = admin.get("api/admin/audit?actor=admin&limit=50");
    assertThat(audit.text())
        .contains("token.created", "token.revoked", name)
        .doesNotContain(secret);
  }

  @Test
  void anIngestTokenSendsSpansAndReadsNothing() {
    Api admin = new Api(baseUrl);
    Api.Answer created =
        admin.post("api/admin/tokens", tokenRequest("otel-" + UUID.randomUUID(), "ingest", 30));
    Api ingest = Api.withAuthorization(baseUrl, "Bearer " + created.object().getString("secret"));
    ProblemResponsesIT.assertProblem(ingest.get("api/traces"), 403);
    Api.Answer sent = ingest.post("v1/traces", "{\"resourceSpans\":[]}");
    assertThat(sent.status()).as("%s", sent).isEqualTo(200);
  }

  @Test
  void badInputIsRefusedWithAProblem() {
    Api admin = new Api(baseUrl);
    Api anonymous = Api.anonymous(baseUrl);
    // Logins: no body, wrong shapes, too long, over the size limit.
    for (String body :
        List.of(
            "",
            "[]",
            "{}",
            "{\"username\":\"admin\"}",
            "{\"username\":1,\"password\":\"x\"}",
            "{\"username\":\"" + "u".repeat(300) + "\",\"password\":\"x\"}",
            "{\"username\":\"admin\",\"password\":\"" + "p".repeat(2000) + "\"}")) {
      Api.Answer answer = anonymous.post("api/session", body);
      assertThat(answer.status()).as("login %s: %s", body, answer).isBetween(400, 499);
      assertThat(answer.contentType()).startsWith("application/problem+json");
    }
    Api.Answer huge =
        anonymous.post(
            "api/session", "{\"username\":\"admin\",\"password\":\"" + "p".repeat(5000) + "\"}");
    ProblemResponsesIT.assertProblem(huge, 413);
    // Tokens: missing fields, unknown role, past or far expiries, long names, bad ids.
    for (String body :
        List.of(
            "{}",
            "{\"name\":\"x\",\"role\":\"root\",\"expiresAt\":\"2027-01-01T00:00:00Z\"}",
            "{\"name\":\"x\",\"role\":\"viewer\",\"expiresAt\":\"2001-01-01T00:00:00Z\"}",
            "{\"name\":\"x\",\"role\":\"viewer\",\"expiresAt\":\"2999-01-01T00:00:00Z\"}",
            "{\"name\":\"x\",\"role\":\"viewer\",\"expiresAt\":\"tomorrow\"}",
            "{\"name\":\"" + "n".repeat(101) + "\",\"role\":\"viewer\",\"expiresAt\":\"x\"}",
            "{\"name\":[],\"role\":\"viewer\",\"expiresAt\":\"2027-01-01T00:00:00Z\"}")) {
      ProblemResponsesIT.assertProblem(admin.post("api/admin/tokens", body), 400);
    }
    ProblemResponsesIT.assertProblem(admin.delete("api/admin/tokens/not-a-uuid"), 400);
    ProblemResponsesIT.assertProblem(admin.delete("api/admin/tokens/" + UUID.randomUUID()), 404);
    // Bearer tokens: malformed, over-long, of another shape.
    for (String header :
        List.of(
            "Bearer ",
            "Bearer wt_short",
            "Bearer " + "wt_" + "a".repeat(5000),
            "Bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2V2aWwifQ.c2ln",
            "Negotiate abc")) {
      Api.Answer answer = Api.withAuthorization(baseUrl, header).get("api/me");
      ProblemResponsesIT.assertProblem(answer, 401);
    }
  }

  /** Seeded, bounded: random bodies and headers at both endpoints never get a 5xx. */
  @Test
  void fuzzedSessionsAndTokensNeverFailTheServer() {
    Random random = new Random(2024_12_03L);
    Api admin = new Api(baseUrl);
    Api anonymous = Api.anonymous(baseUrl);
    String[] pieces = {
      "{",
      "}",
      "\"username\"",
      "\"password\"",
      "\"name\"",
      "\"role\"",
      "\"expiresAt\"",
      ":",
      ",",
      "\"admin\"",
      "\"ingest\"",
      "null",
      "[",
      "]",
      "1e999",
      "\"\\u0000\"",
      "\"2027-01-01T00:00:00Z\"",
      "\"x\"",
      "true"
    };
    for (int i = 0; i < 200; i++) {
      StringBuilder body = new StringBuilder();
      for (int n = random.nextInt(12); n > 0; n--) {
        body.append(pieces[random.nextInt(pieces.length)]);
      }
      Api.Answer login = anonymous.post("api/session", body.toString());
      Api.Answer token = admin.post("api/admin/tokens", body.toString());
      Api.Answer bearer =
          Api.withAuthorization(baseUrl, "Bearer wt_" + randomText(random, 43)).get("api/me");
      Api.Answer cookie = anonymous.get("api/me", "Cookie", "wt_session=" + randomText(random, 60));
      for (Api.Answer answer : List.of(login, token, bearer, cookie)) {
        assertThat(answer.status()).as("fuzz %d: %s for %s", i, answer, body).isLessThan(500);
        if (answer.status() >= 400) {
          assertThat(answer.contentType()).startsWith("application/problem+json");
        }
      }
    }
  }

  private static String randomText(Random random, int length) {
    String alphabet = "ABCxyz019-_=;.%";
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  static String tokenRequest(String name, String role, int days) {
    return Json.createObjectBuilder()
        .add("name", name)
        .add("role", role)
        .add("expiresAt", Instant.now().plusSeconds(days * 86_400L).toString())
        .build()
        .toString();
  }
}
