package dev.workflowtracing.workflow.nodes;

import static dev.workflowtracing.conventions.WorkflowAttributes.HTTP_METHOD;
import static dev.workflowtracing.conventions.WorkflowAttributes.HTTP_STATUS;
import static dev.workflowtracing.conventions.WorkflowAttributes.URL_FULL;

import dev.workflowtracing.conventions.Artifacts;
import dev.workflowtracing.json.JsonFactory;
import dev.workflowtracing.workflow.NodeType;
import dev.workflowtracing.workflow.WorkflowSettings;
import dev.workflowtracing.workflow.engine.execution.NodeAttempt;
import dev.workflowtracing.workflow.engine.execution.NodeExecutionException;
import dev.workflowtracing.workflow.engine.execution.NodeHandler;
import dev.workflowtracing.workflow.engine.execution.NodeTimeoutException;
import dev.workflowtracing.workflow.engine.execution.Templates;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;

/**
 * Calls {@code config.url} ({@code method}, {@code body}, {@code headers} optional, all templated)
 * and passes the trace on with a W3C {@code traceparent} header. A 4xx or 5xx answer fails the
 * attempt, so the node's retry policy applies.
 */
@ApplicationScoped
public class HttpNode implements NodeHandler {

  private static final int MAX_BODY_CHARS = 65_536;

  private final HttpClient client;

  @Inject
  public HttpNode(WorkflowSettings settings) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.httpConnectTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** For CDI's proxy. */
  protected HttpNode() {
    this.client = null;
  }

  @Override
  public NodeType type() {
    return NodeType.HTTP;
  }

  @Override
  public JsonObject execute(NodeAttempt attempt) throws NodeExecutionException {
    var node = attempt.node();
    var state = attempt.state();
    String method = node.configString("method", "GET").toUpperCase();
    URI uri = uri(Templates.resolve(node.configString("url", ""), state));
    String body = Templates.resolve(node.configString("body", ""), state);

    var request =
        HttpRequest.newBuilder(uri)
            .timeout(attempt.deadline().remaining())
            .method(
                method,
                body.isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (node.config().containsKey("headers")) {
      node.config()
          .getJsonObject("headers")
          .forEach((k, v) -> request.header(k, Templates.resolve(Templates.text(v), state)));
    }
    W3CTraceContextPropagator.getInstance()
        .inject(Context.current(), request, HttpRequest.Builder::header);

    Span span = Span.current();
    span.setAttribute(HTTP_METHOD, method);
    span.setAttribute(URL_FULL, uri.toString());
    if (!body.isEmpty()) {
      Artifacts.record(span, "request", "text/plain", body);
    }
    HttpResponse<String> response = send(request.build(), attempt);
    span.setAttribute(HTTP_STATUS, (long) response.statusCode());
    String responseBody = response.body();
    if (responseBody.length() > MAX_BODY_CHARS) {
      responseBody = responseBody.substring(0, MAX_BODY_CHARS);
    }
    Artifacts.record(span, "response", "text/plain", responseBody);
    if (response.statusCode() >= 400) {
      throw new NodeExecutionException(
          method + " " + uri + " answered HTTP " + response.statusCode());
    }
    return JsonFactory.createObjectBuilder()
        .add("status", response.statusCode())
        .add("body", responseBody)
        .build();
  }

  private HttpResponse<String> send(HttpRequest request, NodeAttempt attempt)
      throws NodeExecutionException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new NodeTimeoutException(attempt.deadline().limit());
    } catch (IOException e) {
      throw new NodeExecutionException(request.method() + " " + request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NodeExecutionException("Interrupted while calling " + request.uri(), e);
    }
  }

  private static URI uri(String url) throws NodeExecutionException {
    try {
      URI uri = URI.create(url);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new IllegalArgumentException("only http and https URLs are allowed");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new NodeExecutionException("Bad URL \"" + url + "\": " + e.getMessage(), e);
    }
  }
}
