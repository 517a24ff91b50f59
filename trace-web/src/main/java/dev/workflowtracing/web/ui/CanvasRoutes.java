package dev.workflowtracing.web.ui;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * Serves the Canvas for its own URLs ({@code /workflows/…}, {@code /runs/…}, {@code /traces/…},
 * {@code /search}, {@code /compare}, {@code /admin}): a browser asks the server for them when a
 * link is opened or a view reloaded, and the Canvas then shows the view the URL names. Only reads;
 * everything else passes on.
 */
@WebFilter(urlPatterns = {"/workflows/*", "/runs/*", "/traces/*", "/search", "/compare", "/admin"})
public class CanvasRoutes implements Filter {

  static final String CANVAS = "/index.html";

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String method = ((HttpServletRequest) request).getMethod();
    if (method.equals("GET") || method.equals("HEAD")) {
      request.getRequestDispatcher(CANVAS).forward(request, response);
    } else {
      chain.doFilter(request, response);
    }
  }
}
