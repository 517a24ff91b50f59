package dev.workflowtracing.instrumentation;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/** Builds the OTLP exporter for {@code otel.exporter.otlp.protocol}: http/protobuf or grpc. */
final class OtlpExporterFactory {

  private OtlpExporterFactory() {}

  static SpanExporter create(TracingSettings settings) {
    String endpoint = stripTrailingSlash(settings.otlpEndpoint());
    return switch (settings.otlpProtocol()) {
      case "http/protobuf" -> {
        var builder =
            OtlpHttpSpanExporter.builder()
                // Like OpenTelemetry's autoconfigure: the base endpoint gets the signal path.
                .setEndpoint(endpoint.endsWith("/v1/traces") ? endpoint : endpoint + "/v1/traces")
                .setTimeout(settings.otlpTimeout());
        settings.otlpHeaders().forEach(builder::addHeader);
        yield builder.build();
      }
      case "grpc" -> {
        var builder =
            OtlpGrpcSpanExporter.builder().setEndpoint(endpoint).setTimeout(settings.otlpTimeout());
        settings.otlpHeaders().forEach(builder::addHeader);
        yield builder.build();
      }
      default ->
          throw new IllegalArgumentException(
              "Unknown otel.exporter.otlp.protocol \""
                  + settings.otlpProtocol()
                  + "\"; use http/protobuf or grpc");
    };
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
