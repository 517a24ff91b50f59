package dev.workflowtracing.web.otlp;

import java.util.Locale;
import java.util.Optional;

/** The two bodies OTLP/HTTP defines, named by their content types; answers use the request's. */
enum OtlpEncoding {
  PROTOBUF("application/x-protobuf"),
  JSON("application/json");

  final String contentType;

  OtlpEncoding(String contentType) {
    this.contentType = contentType;
  }

  /** The encoding of a request's Content-Type (parameters such as charset ignored). */
  static Optional<OtlpEncoding> of(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "application/x-protobuf", "application/protobuf" -> Optional.of(PROTOBUF);
      case "application/json" -> Optional.of(JSON);
      default -> Optional.empty();
    };
  }
}
