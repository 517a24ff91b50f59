package dev.workflowtracing.web.otlp;

import com.google.protobuf.CodedOutputStream;
import dev.workflowtracing.json.JsonFactory;
import dev.workflowtracing.web.problem.Problem;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What the receiver answers, as OTLP/HTTP specifies: a success is an {@code
 * ExportTraceServiceResponse} (with its partial success when spans were rejected), a failure a
 * {@code google.rpc.Status}, both in the request's encoding. A failure of a JSON request is also an
 * RFC 9457 problem (the same object carries both sets of fields), and one whose encoding is unknown
 * is only that, as {@code application/problem+json}.
 */
final class OtlpAnswer {

  private OtlpAnswer() {}

  static void success(
      HttpServletResponse response, OtlpEncoding encoding, long rejected, String message)
      throws IOException {
    response.setStatus(200);
    response.setContentType(encoding.contentType);
    if (encoding == OtlpEncoding.JSON) {
      var body = JsonFactory.createObjectBuilder();
      if (rejected > 0) {
        body.add(
            "partialSuccess",
            JsonFactory.createObjectBuilder()
                .add("rejectedSpans", Long.toString(rejected))
                .add("errorMessage", message));
      }
      write(response, body.build().toString().getBytes(StandardCharsets.UTF_8));
      return;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    if (rejected > 0) {
      // ExportTraceServiceResponse { partial_success (1) { rejected_spans (1), error_message (2) }
      // }
      ByteArrayOutputStream partial = new ByteArrayOutputStream();
      CodedOutputStream inner = CodedOutputStream.newInstance(partial);
      inner.writeInt64(1, rejected);
      inner.writeString(2, message);
      inner.flush();
      CodedOutputStream outer = CodedOutputStream.newInstance(bytes);
      outer.writeByteArray(1, partial.toByteArray());
      outer.flush();
    }
    write(response, bytes.toByteArray());
  }

  static void failure(
      HttpServletResponse response, OtlpEncoding encoding, int status, String detail)
      throws IOException {
    response.setStatus(status);
    int code = grpcCode(status);
    if (encoding == OtlpEncoding.PROTOBUF) {
      response.setContentType(encoding.contentType);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      out.writeInt32(1, code); // google.rpc.Status { code (1), message (2) }
      out.writeString(2, detail);
      out.flush();
      write(response, bytes.toByteArray());
      return;
    }
    response.setContentType(encoding == null ? Problem.MEDIA_TYPE : encoding.contentType);
    var body =
        JsonFactory.createReader(
                new java.io.StringReader(Problem.json(status, title(status), detail)))
            .readObject();
    write(
        response,
        JsonFactory.createObjectBuilder(body)
            .add("code", code)
            .add("message", detail)
            .build()
            .toString()
            .getBytes(StandardCharsets.UTF_8));
  }

  private static void write(HttpServletResponse response, byte[] body) throws IOException {
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** The gRPC status code that stands for an HTTP status in OTLP's Status message. */
  static int grpcCode(int status) {
    return switch (status) {
      case 400, 415 -> 3; // INVALID_ARGUMENT
      case 401 -> 16; // UNAUTHENTICATED
      case 403 -> 7; // PERMISSION_DENIED
      case 404 -> 12; // UNIMPLEMENTED
      case 413, 429 -> 8; // RESOURCE_EXHAUSTED
      case 503 -> 14; // UNAVAILABLE
      default -> 13; // INTERNAL
    };
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      case 429 -> "Too Many Requests";
      case 503 -> "Service Unavailable";
      default -> "Error";
    };
  }
}
