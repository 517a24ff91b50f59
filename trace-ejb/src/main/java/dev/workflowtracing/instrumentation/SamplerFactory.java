package dev.workflowtracing.instrumentation;

import io.opentelemetry.sdk.trace.samplers.Sampler;

/** Builds the sampler named by {@code otel.traces.sampler}, with OpenTelemetry's names. */
final class SamplerFactory {

  private SamplerFactory() {}

  static Sampler create(String name, double ratio) {
    return switch (name) {
      case "always_on" -> Sampler.alwaysOn();
      case "always_off" -> Sampler.alwaysOff();
      case "traceidratio" -> Sampler.traceIdRatioBased(ratio);
      case "parentbased_always_on" -> Sampler.parentBased(Sampler.alwaysOn());
      case "parentbased_always_off" -> Sampler.parentBased(Sampler.alwaysOff());
      case "parentbased_traceidratio" -> Sampler.parentBased(Sampler.traceIdRatioBased(ratio));
      default ->
          throw new IllegalArgumentException(
              "Unknown otel.traces.sampler \""
                  + name
                  + "\"; use always_on, always_off, traceidratio, parentbased_always_on,"
                  + " parentbased_always_off or parentbased_traceidratio");
    };
  }
}
