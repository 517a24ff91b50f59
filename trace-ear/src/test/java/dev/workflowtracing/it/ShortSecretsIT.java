package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The secrets a hostile review planted through hello-llm, with the default redaction: a {@code pw}
 * key in the inputs' JSON, {@code pw=…&} in a form body and a query string, and "password is …" in
 * prose. None may be in the run, in any span read, or in the OTLP export.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ShortSecretsIT {

  private static final List<String> SECRETS =
      List.of("Sup3rPw!77", "Fo4mBody99", "Qu3ryStr88", "hunter2x");

  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.builtEar();
  }

  @Test
  void shortKeysFormBodiesQueryStringsAndProseAreMaskedEverywhere() {
    Api api = new Api(baseUrl);
    JsonObject inputs =
        Json.createObjectBuilder()
            .add(
                "name",
                "Ada. Login form: user=ada&pw=Fo4mBody99&remember=1, link"
                    + " https://shop.example/login?user=ada&pwd=Qu3ryStr88&next=/ and the password"
                    + " is hunter2x")
            .add("pw", "Sup3rPw!77")
            .build();
    JsonObject run =
        api.post(
                "api/workflows/hello-llm/runs",
                Json.createObjectBuilder().add("inputs", inputs).build().toString())
            .object();
    String traceId = run.getString("traceId");
    JsonObject trace = api.awaitComplete(traceId);

    assertNone("the run", api.get("api/runs/" + run.getString("runId")).text());
    assertNone("the trace", api.get("api/traces/" + traceId).text());
    for (JsonObject span : trace.getJsonArray("spans").getValuesAs(JsonObject.class)) {
      String read = api.get("api/traces/" + traceId + "/spans/" + span.getString("spanId")).text();
      assertNone("span " + span.getString("name"), read);
    }
    String export = api.get("api/traces/" + traceId + "/otlp").text();
    assertNone("the OTLP export", export);
    // The words around them stay, and the markers say what was there.
    assertThat(export).contains("user=ada", "remember=1", "the password is", "[REDACTED");
  }

  private static void assertNone(String where, String text) {
    for (String secret : SECRETS) {
      assertThat(text).as("%s holds %s", where, secret).doesNotContain(secret);
    }
  }
}
