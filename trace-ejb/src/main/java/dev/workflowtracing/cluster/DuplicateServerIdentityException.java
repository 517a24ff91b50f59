package dev.workflowtracing.cluster;

/** Another server that is running holds this server's identity: this one must not start. */
public class DuplicateServerIdentityException extends IllegalStateException {

  DuplicateServerIdentityException(String instanceId) {
    super(
        "Another server is running as \""
            + instanceId
            + "\" on this database (its lease in server_leases is being renewed). Every server"
            + " needs its own identity: set tracing.instance.id (or jboss.node.name) to a value"
            + " no other server uses. This server does not start.");
  }
}
