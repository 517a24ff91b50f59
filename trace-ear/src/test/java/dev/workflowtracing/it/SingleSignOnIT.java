package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Single sign-on against a real Keycloak (bin/keycloak: org.keycloak:keycloak-quarkus-dist, the
 * realm of config/keycloak/workflow-tracing-realm.json), configured on the test servers by
 * trace-ear/pom.xml: the login through Keycloak's page in Chromium with roles from the token's
 * claim and logout (oidc.e2e.mjs), Keycloak's access tokens as bearer tokens, and refusals: a token
 * of an unknown issuer, a forged or replayed callback, the provider's error.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SingleSignOnIT {

  private static final String KEYCLOAK = "http://localhost:18080/realms/workflow-tracing";

  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.builtEar();
  }

  @BeforeAll
  static void startKeycloak() throws Exception {
    keycloak("start");
  }

  @AfterAll
  static void stopKeycloak() throws Exception {
    keycloak("stop");
  }

  private static void keycloak(String command) throws Exception {
    Process process =
        new ProcessBuilder("bin/keycloak", command)
            .directory(new File(System.getProperty("it.root")))
            .inheritIO()
            .start();
    assertThat(process.waitFor(300, TimeUnit.SECONDS))
        .as("bin/keycloak %s in time", command)
        .isTrue();
    assertThat(process.exitValue()).as("bin/keycloak %s", command).isZero();
  }

  @Test
  void signingInThroughKeycloaksPageAppliesTheRolesOfItsClaimAndLogsOut() throws Exception {
    Path screenshots = Path.of(System.getProperty("it.screenshots.dir"));
    Path log = Files.createTempFile("oidc-e2e", ".log");
    Process e2e =
        new ProcessBuilder("node", "e2e/oidc.e2e.mjs", baseUrl.toString(), screenshots.toString())
            .directory(new File(System.getProperty("it.frontend.dir")))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean finished = e2e.waitFor(170, TimeUnit.SECONDS);
    String output = Files.readString(log);
    System.out.println(output);
    assertThat(finished).as("the browser test ended in time; output:%n%s", output).isTrue();
    assertThat(e2e.exitValue()).as("browser test output:%n%s", output).isZero();

    JsonObject audit =
        new Api(baseUrl).get("api/admin/audit?actor=ada&action=login&limit=5").object();
    assertThat(audit.getJsonArray("items").getJsonObject(0).getString("detail")).isEqualTo("oidc");
  }

  @Test
  void keycloaksAccessTokenIsABearerTokenInTheRolesItMapsTo() throws Exception {
    String token = accessToken("vic", "vic-password");
    Api vic = Api.withAuthorization(baseUrl, "Bearer " + token);
    JsonObject me = vic.get("api/me").object();
    assertThat(me.getString("user")).isEqualTo("vic");
    assertThat(me.getJsonArray("roles").toString()).isEqualTo("[\"viewer\"]");
    ProblemResponsesIT.assertProblem(vic.get("api/admin/tracing"), 403);

    // One byte of the signature changed: refused.
    String forged = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
    ProblemResponsesIT.assertProblem(
        Api.withAuthorization(baseUrl, "Bearer " + forged).get("api/me"), 401);
  }

  @Test
  void aTokenOfAnUnknownIssuerIsRefusedSayingSo() {
    String header = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
    String claims =
        base64Url(
            "{\"iss\":\"https://idp.example.org/realms/evil\",\"sub\":\"x\",\"exp\":4102444800,"
                + "\"azp\":\"workflow-tracing\",\"preferred_username\":\"admin\",\"roles\":[\"tracing-admin\"]}");
    Api.Answer answer =
        Api.withAuthorization(baseUrl, "Bearer " + header + "." + claims + ".c2lnbmF0dXJl")
            .get("api/me");
    ProblemResponsesIT.assertProblem(answer, 401);
    assertThat(answer.object().getString("detail"))
        .contains("idp.example.org", "not the configured identity provider");
  }

  @Test
  void aCallbackThatThisServerDidNotStartIsRefused() {
    Api anonymous = Api.anonymous(baseUrl);
    Api.Answer start = anonymous.get("api/session/oidc");
    assertThat(start.status()).isEqualTo(303);
    assertThat(start.header("Location")).startsWith(KEYCLOAK + "/protocol/openid-connect/auth?");

    ProblemResponsesIT.assertProblem(
        anonymous.get("api/session/oidc/callback?code=abc&state=forged-state"), 401);
    ProblemResponsesIT.assertProblem(anonymous.get("api/session/oidc/callback"), 400);
    Api.Answer denied =
        anonymous.get("api/session/oidc/callback?error=access_denied&error_description=no");
    ProblemResponsesIT.assertProblem(denied, 401);
    assertThat(denied.object().getString("detail")).contains("access_denied");
  }

  /** Seeded, bounded: hostile callback parameters and bearer JWTs never get a 5xx. */
  @Test
  void fuzzedCallbacksAndProviderTokensNeverFailTheServer() {
    Random random = new Random(20261203L);
    Api anonymous = Api.anonymous(baseUrl);
    String alphabet = "abcXYZ019-_.%~+=&?/\\\"'<>{}";
    for (int i = 0; i < 150; i++) {
      String code = text(random, alphabet, random.nextInt(80));
      String state = text(random, alphabet, random.nextInt(200));
      Api.Answer callback =
          anonymous.get(
              "api/session/oidc/callback?code="
                  + URLEncoder.encode(code, StandardCharsets.UTF_8)
                  + "&state="
                  + URLEncoder.encode(state, StandardCharsets.UTF_8));
      String jwt =
          base64Url(text(random, alphabet, 20))
              + "."
              + base64Url("{\"iss\":\"" + KEYCLOAK + "\",\"sub\":" + random.nextInt() + "}")
              + "."
              + text(random, "abcXYZ019-_", random.nextInt(60));
      Api.Answer bearer = Api.withAuthorization(baseUrl, "Bearer " + jwt).get("api/me");
      for (Api.Answer answer : List.of(callback, bearer)) {
        assertThat(answer.status()).as("fuzz %d: %s", i, answer).isBetween(400, 499);
        assertThat(answer.contentType()).startsWith("application/problem+json");
      }
    }
  }

  /** A token from Keycloak's token endpoint with the user's password (the realm allows it). */
  private static String accessToken(String user, String password) throws Exception {
    String form =
        "grant_type=password&client_id=workflow-tracing&client_secret=demo-oidc-client-secret"
            + "&scope=openid&username="
            + user
            + "&password="
            + password;
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(KEYCLOAK + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return Json.createReader(new StringReader(answer.body()))
        .readObject()
        .getString("access_token");
  }

  private static String base64Url(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(Random random, String alphabet, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
