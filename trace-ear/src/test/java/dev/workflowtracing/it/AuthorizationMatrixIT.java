package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of docs/openapi.yaml, called by every kind of caller: anonymous, a wrong
 * password, a revoked token, an ingest token, and each role by password and by token. The role an
 * operation needs is its {@code x-role}; an operation without one fails this test, so a new
 * endpoint cannot be added without a rule.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthorizationMatrixIT {

  private static final List<String> ROLES = List.of("viewer", "runner", "admin");
  private static final Map<String, String> SAMPLE_PARAMETERS =
      Map.of(
          "id", "hello-llm",
          "nodeId", "ask",
          "runId", "00000000-0000-0000-0000-000000000000",
          "traceId", "0123456789abcdef0123456789abcdef",
          "spanId", "0123456789abcdef");

  /** One operation of the document. */
  record Operation(String method, String path, String role) {
    String name() {
      return method.toUpperCase() + " /api" + path;
    }
  }

  @ArquillianResource URL baseUrl;

  private static List<Operation> operations;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.builtEar();
  }

  @BeforeAll
  static void readTheDocument() throws IOException {
    operations = operations(Path.of(System.getProperty("it.root"), "docs", "openapi.yaml"));
    assertThat(operations).hasSizeGreaterThan(25);
  }

  /** The operations under paths:, each with its x-role (null when it has none). */
  static List<Operation> operations(Path document) throws IOException {
    Pattern pathLine = Pattern.compile("^  (/\\S*):\\s*$");
    Pattern methodLine = Pattern.compile("^    (get|put|post|delete|patch):\\s*$");
    Pattern roleLine = Pattern.compile("^      x-role:\\s*(\\S+)\\s*$");
    List<Operation> found = new ArrayList<>();
    String path = null;
    String method = null;
    String role = null;
    boolean inPaths = false;
    for (String line : Files.readAllLines(document)) {
      if (line.equals("paths:")) {
        inPaths = true;
        continue;
      }
      if (!inPaths) {
        continue;
      }
      if (!line.startsWith(" ") && !line.isBlank()) {
        break;
      }
      Matcher m;
      if ((m = pathLine.matcher(line)).matches() || (m = methodLine.matcher(line)).matches()) {
        if (method != null) {
          found.add(new Operation(method, path, role));
        }
        method = null;
        role = null;
        if (pathLine.matcher(line).matches()) {
          path = m.group(1);
        } else {
          method = m.group(1);
        }
      } else if ((m = roleLine.matcher(line)).matches()) {
        role = m.group(1);
      } else if (line.startsWith("    ") && !line.startsWith("     ") && method != null) {
        // "    parameters:" of the path ends the operation before it.
        found.add(new Operation(method, path, role));
        method = null;
        role = null;
      }
    }
    if (method != null) {
      found.add(new Operation(method, path, role));
    }
    return found;
  }

  @Test
  void everyOperationHasARule() {
    assertThat(operations)
        .allSatisfy(
            op ->
                assertThat(op.role())
                    .as("x-role of %s", op.name())
                    .isIn("public", "viewer", "runner", "admin"));
  }

  @Test
  void everyCallerGetsWhatItsRoleAllows() {
    Api admin = new Api(baseUrl);
    Map<String, Api> byPassword =
        Map.of(
            "viewer", Api.as(baseUrl, "viewer", "viewer-password"),
            "runner", Api.as(baseUrl, "runner", "runner-password"),
            "admin", admin);
    Map<String, Api> byToken =
        Map.of(
            "viewer", token(admin, "viewer"),
            "runner", token(admin, "runner"),
            "admin", token(admin, "admin"));
    Api ingest = token(admin, "ingest");
    Api.Answer toRevoke =
        admin.post(
            "api/admin/tokens",
            AccountsIT.tokenRequest("matrix-revoked-" + UUID.randomUUID(), "admin", 1));
    Api revoked = Api.withAuthorization(baseUrl, "Bearer " + toRevoke.object().getString("secret"));
    assertThat(
            admin
                .delete(
                    "api/admin/tokens/" + toRevoke.object().getJsonObject("token").getString("id"))
                .status())
        .isEqualTo(200);
    Map<String, Api> refused =
        Map.of(
            "anonymous", Api.anonymous(baseUrl),
            "a wrong password", Api.as(baseUrl, "admin", "wrong-password"),
            "a revoked token", revoked,
            "an unknown token", Api.withAuthorization(baseUrl, "Bearer wt_" + "x".repeat(43)));

    SoftAssertions soft = new SoftAssertions();
    for (Operation op : operations) {
      if ("public".equals(op.role())) {
        Api.Answer answer = call(Api.anonymous(baseUrl), op);
        // 503: single sign-on's provider is down (SingleSignOnIT starts it), which is no refusal.
        soft.assertThat(answer.status())
            .as("%s anonymous: %s", op.name(), answer)
            .matches(status -> status >= 200 && status < 500 || status == 503);
        soft.assertThat(answer.status()).as("%s anonymous", op.name()).isNotIn(401, 403);
        continue;
      }
      for (Map.Entry<String, Api> caller : refused.entrySet()) {
        Api.Answer answer = call(caller.getValue(), op);
        soft.assertThat(answer.status())
            .as("%s by %s: %s", op.name(), caller.getKey(), answer)
            .isEqualTo(401);
        soft.assertThat(answer.contentType())
            .as("%s by %s", op.name(), caller.getKey())
            .startsWith("application/problem+json");
      }
      Api.Answer byIngest = call(ingest, op);
      soft.assertThat(byIngest.status())
          .as("%s by an ingest token: %s", op.name(), byIngest)
          .isEqualTo(403);
      int needed = ROLES.indexOf(op.role());
      for (String role : ROLES) {
        boolean allowed = ROLES.indexOf(role) >= needed;
        for (Map.Entry<String, Api> how :
            List.of(
                Map.entry("password", byPassword.get(role)),
                Map.entry("token", byToken.get(role)))) {
          Api.Answer answer = call(how.getValue(), op);
          String who = role + " by " + how.getKey();
          if (allowed) {
            soft.assertThat(answer.status())
                .as("%s as %s: %s", op.name(), who, answer)
                .isBetween(200, 499)
                .isNotIn(401, 403);
          } else {
            soft.assertThat(answer.status())
                .as("%s as %s: %s", op.name(), who, answer)
                .isEqualTo(403);
          }
        }
      }
    }
    soft.assertAll();
  }

  private static Api token(Api admin, String role) {
    Api.Answer created =
        admin.post(
            "api/admin/tokens",
            AccountsIT.tokenRequest("matrix-" + role + "-" + UUID.randomUUID(), role, 1));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    return Api.withAuthorization(
        Api.url(admin.base().toString()), "Bearer " + created.object().getString("secret"));
  }

  /**
   * The operation with sample path parameters and a body that changes nothing: an unknown id, an
   * empty object, a retention cutoff in 2000. Event streams are asked for a run that does not
   * exist, so they answer at once.
   */
  private static Api.Answer call(Api api, Operation op) {
    String path = op.path();
    for (Map.Entry<String, String> parameter : SAMPLE_PARAMETERS.entrySet()) {
      path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
    }
    if (op.path().equals("/admin/tokens/{id}")) {
      path = "/admin/tokens/" + UUID.randomUUID();
    }
    if (op.path().equals("/admin/retention")) {
      path += "?olderThan=2000-01-01T00:00:00Z";
    }
    if (op.path().equals("/workflows/{id}") && op.method().equals("put")) {
      path = "/workflows/matrix-" + UUID.randomUUID();
    }
    String body = op.method().equals("get") || op.method().equals("delete") ? null : "{}";
    return api.call(op.method().toUpperCase(), "api" + path, body);
  }
}
