package dev.workflowtracing.web.input;

import dev.workflowtracing.web.problem.BadRequestProblem;
import dev.workflowtracing.web.problem.UnsupportedMediaTypeProblem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;

/**
 * Checks what every request carries before it is matched to a resource: the Accept and Content-Type
 * headers (which the framework would otherwise fail on with a server error), and the path and query
 * texts, which must not hold control characters (PostgreSQL refuses a NUL, and no id or filter has
 * one).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestGuard implements ContainerRequestFilter {

  static final int MAX_QUERY_VALUE_LENGTH = 2000;

  @Override
  public void filter(ContainerRequestContext request) {
    checkAccept(request);
    checkContentType(request.getHeaderString(HttpHeaders.CONTENT_TYPE));
    checkText("the path", request.getUriInfo().getPath(true));
    MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters(true);
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      checkText("the name of query parameter \"" + parameter.getKey() + "\"", parameter.getKey());
      for (String value : parameter.getValue()) {
        checkText("query parameter \"" + parameter.getKey() + "\"", value);
        if (value.length() > MAX_QUERY_VALUE_LENGTH) {
          throw new BadRequestProblem(
              "Query parameter \""
                  + parameter.getKey()
                  + "\" is longer than "
                  + MAX_QUERY_VALUE_LENGTH
                  + " characters");
        }
      }
    }
  }

  private static void checkAccept(ContainerRequestContext request) {
    String accept = request.getHeaderString(HttpHeaders.ACCEPT);
    if (accept == null) {
      return;
    }
    try {
      for (MediaType type : request.getAcceptableMediaTypes()) {
        String q = type.getParameters().get("q");
        if (q != null) {
          double quality = Double.parseDouble(q);
          if (!(quality >= 0 && quality <= 1)) {
            throw new IllegalArgumentException("q out of range");
          }
        }
      }
    } catch (RuntimeException e) {
      throw new BadRequestProblem(
          "The Accept header \""
              + Params.excerpt(accept)
              + "\" is not a list of media types such as application/json or */*;q=0.8");
    }
  }

  private static void checkContentType(String contentType) {
    if (contentType == null) {
      return;
    }
    MediaType type;
    try {
      type = MediaType.valueOf(contentType);
    } catch (RuntimeException e) {
      throw new UnsupportedMediaTypeProblem(
          "The Content-Type \""
              + Params.excerpt(contentType)
              + "\" is not a media type; send application/json");
    }
    String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
    if (charset != null && !isSupported(charset)) {
      throw new UnsupportedMediaTypeProblem(
          "The charset \"" + Params.excerpt(charset) + "\" is not known; send UTF-8");
    }
  }

  private static boolean isSupported(String charset) {
    try {
      return Charset.isSupported(charset);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static void checkText(String what, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new BadRequestProblem(
            String.format(
                "%s holds the control character U+%04X; remove it", capitalized(what), (int) c));
      }
    }
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
