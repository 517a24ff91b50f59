package dev.workflowtracing.instrumentation;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which server this is, as every span says ({@code service.instance.id}): {@code
 * tracing.instance.id} when set, otherwise WildFly's node name ({@code jboss.node.name}, which a
 * cluster needs unique anyway; the host name by default), with the port offset when it is not 0, so
 * that two servers on one machine differ.
 */
public final class ServerIdentity {

  private ServerIdentity() {}

  public static String of(Optional<String> configured) {
    return configured
        .map(String::trim)
        .filter(id -> !id.isEmpty())
        .orElseGet(
            () -> {
              String node = System.getProperty("jboss.node.name", hostName());
              String offset = System.getProperty("jboss.socket.binding.port-offset", "0").trim();
              return offset.equals("0") || offset.isEmpty() ? node : node + ":" + offset;
            });
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
