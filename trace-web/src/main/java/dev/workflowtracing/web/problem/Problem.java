package dev.workflowtracing.web.problem;

import dev.workflowtracing.json.JsonFactory;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code errors} lists every individual problem when there are several
 * (for example each reason a workflow definition is invalid).
 */
public record Problem(String type, String title, int status, String detail, List<String> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /**
   * A request attribute with the detail of an error the container answers (a refused login): the
   * error page says it instead of its generic text.
   */
  public static final String DETAIL_ATTRIBUTE = "dev.workflowtracing.problem.detail";

  /**
   * The same document as JSON text, for answers written outside JAX-RS (the web container's error
   * page, the login guard in front of authentication).
   */
  public static String json(int status, String title, String detail) {
    return JsonFactory.createObjectBuilder()
        .add("type", "about:blank")
        .add("title", title)
        .add("status", status)
        .add("detail", detail)
        .add("errors", JsonFactory.createArrayBuilder())
        .build()
        .toString();
  }

  public static Response response(Response.Status status, String detail) {
    return response(status.getStatusCode(), status.getReasonPhrase(), detail, List.of());
  }

  public static Response response(int status, String title, String detail, List<String> errors) {
    return Response.status(status)
        .type(MediaType.valueOf(MEDIA_TYPE))
        .entity(new Problem("about:blank", title, status, detail, errors))
        .build();
  }
}
