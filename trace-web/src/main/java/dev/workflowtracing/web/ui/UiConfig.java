package dev.workflowtracing.web.ui;

import java.util.List;

/** What the Canvas needs to know about the server's settings. */
public record UiConfig(boolean traceTabEnabled, List<MonitoringLink> monitoringLinks) {

  /**
   * A link to a dashboard; the Canvas fills {traceId}, {runId}, {workflowId}, {startMs}, {endMs}.
   */
  public record MonitoringLink(String name, String urlTemplate) {}
}
