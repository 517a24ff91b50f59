package dev.workflowtracing.web.admin;

import dev.workflowtracing.instrumentation.EffectiveSettings.Setting;
import java.util.List;

/** The admin page: settings in force and the pipeline's health. */
public record AdminView(List<Setting> settings, PipelineView pipeline) {}
