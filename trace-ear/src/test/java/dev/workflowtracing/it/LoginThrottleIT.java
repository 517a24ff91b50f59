package dev.workflowtracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Failed logins are throttled per account and client address: an attacker at one address locks only
 * themselves out, never the user at another (WildFly's own lockout, per account from any address,
 * is off). Two client addresses on one machine: 127.0.0.1 and 127.0.0.2, both loopback.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginThrottleIT {

  private static final String ATTACKER = "127.0.0.2";
  private static final String USER = "127.0.0.1";

  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.builtEar();
  }

  @Test
  void tooManyWrongPasswordsLockThatAddressOutButNotTheUserElsewhere() throws IOException {
    for (int i = 0; i < 10; i++) {
      assertThat(status(ATTACKER, "viewer", "guess-" + i)).startsWith("401");
    }
    assertThat(status(ATTACKER, "viewer", "viewer-password")).startsWith("429");
    String locked = get(ATTACKER, "viewer", "viewer-password");
    assertThat(locked.toLowerCase()).contains("retry-after:").contains("application/problem+json");

    // The user at another address logs in as usual, also after 10 more failures elsewhere
    // (WildFly's own protection would have locked the account for 15 minutes by now).
    for (int i = 0; i < 5; i++) {
      status(ATTACKER, "viewer", "more-" + i);
    }
    assertThat(status(USER, "viewer", "viewer-password")).startsWith("200");
    // Another account from the attacker's address is not locked either.
    assertThat(status(ATTACKER, "runner", "runner-password")).startsWith("200");
  }

  private String status(String from, String user, String password) throws IOException {
    String response = get(from, user, password);
    return response.substring(response.indexOf(' ') + 1);
  }

  /** The raw response of a GET sent from the given local address. */
  private String get(String from, String user, String password) throws IOException {
    String credentials =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    try (Socket socket =
        new Socket(
            InetAddress.getByName(baseUrl.getHost()),
            baseUrl.getPort(),
            InetAddress.getByName(from),
            0)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /api/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                  + credentials
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
