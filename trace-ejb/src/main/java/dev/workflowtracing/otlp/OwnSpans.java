package dev.workflowtracing.otlp;

import io.opentelemetry.api.common.Attributes;

/**
 * Tells the engine's own spans in decoded OTLP from foreign ones. The receiver takes every span as
 * foreign; an import of one of our own exports recognises the engine's spans by their attributes.
 */
@FunctionalInterface
public interface OwnSpans {

  OwnSpans NONE = attributes -> false;

  boolean isOwn(Attributes spanAttributes);
}
