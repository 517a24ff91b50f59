package dev.workflowtracing.web.security;

import dev.workflowtracing.web.WebSettings;
import dev.workflowtracing.web.problem.Problem;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import jakarta.servlet.ServletContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Stands in front of the server's authentication, where the application cannot otherwise reach:
 * refuses malformed {@code Basic} credentials with a problem (the server answered them with an HTML
 * error page), and throttles failed logins per account and client address ({@link LoginThrottle}),
 * answering 429 with {@code Retry-After} while a pair is locked.
 */
public final class LoginGuard implements ServletExtension {

  @Override
  public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
    WebSettings settings = WebSettings.from(ConfigProvider.getConfig(deployment.getClassLoader()));
    LoginThrottle throttle =
        new LoginThrottle(settings.loginMaxFailures(), settings.loginLockout(), System::nanoTime);
    // One throttle for Basic credentials and the login page (SessionResource).
    context.setAttribute(LoginThrottle.ATTRIBUTE, throttle);
    deployment.addInitialHandlerChainWrapper(next -> new Handler(next, throttle));
  }

  /** The handler itself: cheap, non-blocking, so it may run on the I/O thread. */
  static final class Handler implements HttpHandler {
    private final HttpHandler next;
    private final LoginThrottle throttle;

    Handler(HttpHandler next, LoginThrottle throttle) {
      this.next = next;
      this.throttle = throttle;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
      String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
      if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
        next.handleRequest(exchange);
        return;
      }
      Optional<String> account = account(authorization.substring(6).trim());
      if (account.isEmpty()) {
        exchange
            .getResponseHeaders()
            .put(Headers.WWW_AUTHENTICATE, "Basic realm=\"Workflow Tracing\"");
        send(
            exchange,
            401,
            "Unauthorized",
            "The Authorization header is not valid Basic credentials: send \"Basic \" and the"
                + " base64 of user:password");
        return;
      }
      String address = exchange.getSourceAddress().getAddress().getHostAddress();
      Duration wait = throttle.waitFor(account.get(), address);
      if (!wait.isZero()) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        exchange.getResponseHeaders().put(Headers.RETRY_AFTER, seconds);
        send(
            exchange,
            429,
            "Too Many Requests",
            "Too many failed logins for this account from this address; try again in "
                + seconds
                + " s");
        return;
      }
      // Counted when the answer is committed, before the client can see it: a client that sends
      // its next guess at once must find this failure already counted.
      exchange.addResponseCommitListener(
          done -> {
            if (done.getStatusCode() == 401) {
              throttle.failed(account.get(), address);
            } else if (done.getStatusCode() < 400 || done.getStatusCode() == 403) {
              throttle.succeeded(account.get(), address);
            }
          });
      next.handleRequest(exchange);
    }

    /** The account named by Basic credentials, if they are well formed. */
    static Optional<String> account(String credentials) {
      try {
        String decoded =
            new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon > 0 && colon <= 256 && decoded.indexOf('\0') < 0
            ? Optional.of(decoded.substring(0, colon))
            : Optional.empty();
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }

    private static void send(HttpServerExchange exchange, int status, String title, String detail) {
      exchange.setStatusCode(status);
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, Problem.MEDIA_TYPE);
      exchange.getResponseSender().send(Problem.json(status, title, detail));
    }
  }
}
