package dev.workflowtracing.web.ui;

import dev.workflowtracing.web.WebSettings;
import dev.workflowtracing.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/**
 * The Canvas's switches: {@code tracing.ui.enabled} hides the Trace tab (the rollback switch), and
 * {@code tracing.monitoring.link-templates} lists dashboard links as {@code name|url;name|url}.
 */
@Path("/ui/config")
@RequestScoped
@RolesAllowed({Roles.VIEWER, Roles.RUNNER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class UiConfigResource {

  @Inject WebSettings settings;

  @GET
  public UiConfig get() {
    return new UiConfig(settings.traceTabEnabled(), parse(settings.monitoringLinkTemplates()));
  }

  static List<UiConfig.MonitoringLink> parse(String templates) {
    List<UiConfig.MonitoringLink> links = new ArrayList<>();
    for (String entry : templates.split(";")) {
      int bar = entry.indexOf('|');
      if (bar > 0 && bar < entry.length() - 1) {
        links.add(
            new UiConfig.MonitoringLink(
                entry.substring(0, bar).trim(), entry.substring(bar + 1).trim()));
      }
    }
    return links;
  }
}
