package dev.workflowtracing.workflow.nodes;

import dev.workflowtracing.json.JsonFactory;
import dev.workflowtracing.workflow.WorkflowSettings;
import dev.workflowtracing.workflow.engine.execution.NodeExecutionException;
import dev.workflowtracing.workflow.engine.execution.NodeTimeoutException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;

/**
 * Calls an OpenAI-compatible {@code /chat/completions} endpoint ({@code workflow.llm.endpoint},
 * bearer {@code workflow.llm.api-key}). The key is sent only in the Authorization header and never
 * recorded on a span.
 */
@ApplicationScoped
public class OpenAiCompatibleModel implements ModelProvider {

  private final HttpClient client = HttpClient.newHttpClient();

  @Inject WorkflowSettings settings;

  @Override
  public String system() {
    return "openai";
  }

  @Override
  public LlmReply complete(LlmRequest request) throws NodeExecutionException {
    if (settings.llmEndpoint().isEmpty() || settings.llmEndpoint().get().isBlank()) {
      throw new NodeExecutionException(
          "workflow.llm.provider is openai but workflow.llm.endpoint is not set");
    }
    var messages = JsonFactory.createArrayBuilder();
    if (!request.system().isBlank()) {
      messages.add(
          JsonFactory.createObjectBuilder().add("role", "system").add("content", request.system()));
    }
    messages.add(
        JsonFactory.createObjectBuilder().add("role", "user").add("content", request.prompt()));
    String body =
        JsonFactory.createObjectBuilder()
            .add("model", request.model())
            .add("messages", messages)
            .build()
            .toString();
    var http =
        HttpRequest.newBuilder(
                URI.create(stripSlash(settings.llmEndpoint().get()) + "/chat/completions"))
            .timeout(request.deadline().remaining())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    settings
        .llmApiKey()
        .filter(key -> !key.isBlank())
        .ifPresent(key -> http.header("Authorization", "Bearer " + key));
    return parse(send(http.build(), request), request.model());
  }

  private String send(HttpRequest http, LlmRequest request) throws NodeExecutionException {
    try {
      HttpResponse<String> response = client.send(http, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 400) {
        throw new NodeExecutionException("Model endpoint answered HTTP " + response.statusCode());
      }
      return response.body();
    } catch (HttpTimeoutException e) {
      throw new NodeTimeoutException(request.deadline().limit());
    } catch (IOException e) {
      throw new NodeExecutionException("Model endpoint unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NodeExecutionException("Interrupted while calling the model", e);
    }
  }

  private static LlmReply parse(String body, String requestedModel) throws NodeExecutionException {
    try (var reader = JsonFactory.createReader(new StringReader(body))) {
      JsonObject json = reader.readObject();
      String text =
          json.getJsonArray("choices")
              .getJsonObject(0)
              .getJsonObject("message")
              .getString("content");
      JsonObject usage = json.getJsonObject("usage");
      return new LlmReply(
          text,
          json.getString("model", requestedModel),
          usage == null ? 0 : usage.getJsonNumber("prompt_tokens").longValue(),
          usage == null ? 0 : usage.getJsonNumber("completion_tokens").longValue());
    } catch (JsonException
        | ClassCastException
        | NullPointerException
        | IndexOutOfBoundsException e) {
      throw new NodeExecutionException("Model endpoint gave an unexpected answer: " + e, e);
    }
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
