package dev.workflowtracing.otlp;

import dev.workflowtracing.spans.SpanSource;
import io.opentelemetry.api.common.Attributes;

/** The sources of one scope's spans, made once each: foreign, and (in an import) our own. */
final class ScopeSources {

  private final Attributes resource;
  private final String scopeName;
  private final String scopeVersion;
  private SpanSource foreign;
  private SpanSource own;

  ScopeSources(Attributes resource, String scopeName, String scopeVersion) {
    this.resource = resource;
    this.scopeName = scopeName == null || scopeName.isEmpty() ? null : scopeName;
    this.scopeVersion = scopeVersion == null || scopeVersion.isEmpty() ? null : scopeVersion;
  }

  SpanSource of(boolean isOwn) {
    if (isOwn) {
      if (own == null) {
        own = SpanSource.of(resource, scopeName, scopeVersion, false);
      }
      return own;
    }
    if (foreign == null) {
      foreign = SpanSource.of(resource, scopeName, scopeVersion, true);
    }
    return foreign;
  }
}
