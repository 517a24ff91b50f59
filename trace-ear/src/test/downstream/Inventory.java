import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A small downstream HTTP service for OtlpIngestIT, run as a single source file with the
 * OpenTelemetry Java agent, which instruments the JDK's HTTP server: it knows nothing of Workflow
 * Tracing. {@code /stock} answers 200, {@code /broken} answers 500.
 */
public class Inventory {

  public static void main(String[] args) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
    server.createContext(
        "/",
        exchange -> {
          boolean broken = exchange.getRequestURI().getPath().startsWith("/broken");
          byte[] body =
              (broken ? "{\"error\":\"out of stock\"}" : "{\"sku\":\"A-1\",\"count\":7}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(broken ? 500 : 200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    System.out.println("inventory listening on " + args[0]);
  }
}
