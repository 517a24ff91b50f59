package dev.workflowtracing.web.security;

import dev.workflowtracing.web.WebSettings;
import dev.workflowtracing.web.problem.Problem;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import jakarta.servlet.ServletContext;
import java.time.Duration;
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
      if (authorization.length() > Credentials.MAX_LENGTH) {
        next.handleRequest(exchange); // refused by the authentication, unread
        return;
      }
      Credentials credentials = Credentials.fromHeader(authorization);
      if (!(credentials instanceof Credentials.Basic basic)) {
        exchange
            .getResponseHeaders()
            .put(Headers.WWW_AUTHENTICATE, RequestAuthentication.BASIC_CHALLENGE);
        send(exchange, 401, "Unauthorized", ((Credentials.Malformed) credentials).why());
        return;
      }
      String account = basic.user();
      String address = exchange.getSourceAddress().getAddress().getHostAddress();
      Duration wait = throttle.waitFor(account, address);
      if (!wait.isZero()) {
        long seconds = LoginThrottle.retryAfterSeconds(wait);
        exchange.getResponseHeaders().put(Headers.RETRY_AFTER, seconds);
        send(exchange, 429, "Too Many Requests", LoginThrottle.lockedOut(seconds));
        return;
      }
      // Counted when the answer is committed, before the client can see it: a client that sends
      // its next guess at once must find this failure already counted.
      exchange.addResponseCommitListener(
          done -> {
            if (done.getStatusCode() == 401) {
              throttle.failed(account, address);
            } else if (done.getStatusCode() < 400 || done.getStatusCode() == 403) {
              throttle.succeeded(account, address);
            }
          });
      next.handleRequest(exchange);
    }

    private static void send(HttpServerExchange exchange, int status, String title, String detail) {
      exchange.setStatusCode(status);
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, Problem.MEDIA_TYPE);
      exchange.getResponseSender().send(Problem.json(status, title, detail));
    }
  }
}
