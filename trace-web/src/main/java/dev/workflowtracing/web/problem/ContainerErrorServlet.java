package dev.workflowtracing.web.problem;

import dev.workflowtracing.web.audit.FailedLogins;
import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page of the web container (web.xml): errors the server raises itself, outside the REST
 * API's exception mappers — a failed login (401), a forbidden page, an unknown static file — are
 * answered as {@code application/problem+json} like every other error, not as an HTML page.
 */
@WebServlet(ContainerErrorServlet.PATH)
public class ContainerErrorServlet extends HttpServlet {

  @Inject FailedLogins failedLogins;

  static final String PATH = "/container-error";

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      failedLogins.recordIfCredentials(request);
    }
    response.setStatus(status);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    Object detail = request.getAttribute(Problem.DETAIL_ATTRIBUTE);
    response
        .getWriter()
        .write(
            Problem.json(
                status, title(status), detail instanceof String text ? text : detail(status)));
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      default -> status >= 500 ? "Internal Server Error" : "Error";
    };
  }

  private static String detail(int status) {
    return switch (status) {
      case 401 ->
          "Log in: sign in on the Canvas's page (POST /api/session), or send HTTP Basic"
              + " credentials of a user or an API token as Authorization: Bearer (docs/security.md)";
      case 403 -> "Your role may not do this (docs/security.md lists what each role may do)";
      case 404 -> "Nothing here: check the address";
      case 400 -> "The request could not be read: check its address, headers and body";
      default ->
          status >= 500
              ? "The server could not answer; its log has the details"
              : "The request was refused";
    };
  }
}
