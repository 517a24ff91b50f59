package dev.workflowtracing.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API lives under /api; the Canvas is served from the WAR's root. */
@ApplicationPath("/api")
public class RestApplication extends Application {}
