package dev.workflowtracing.web.workflows;

import dev.workflowtracing.tracestore.read.NodeExecutionView;
import dev.workflowtracing.tracestore.read.NodeExecutions;
import dev.workflowtracing.web.WebSettings;
import dev.workflowtracing.web.input.Params;
import dev.workflowtracing.web.problem.BadRequestProblem;
import dev.workflowtracing.web.problem.NotFoundProblem;
import dev.workflowtracing.web.security.Roles;
import dev.workflowtracing.workflow.NodeDefinition;
import dev.workflowtracing.workflow.WorkflowCatalog;
import dev.workflowtracing.workflow.WorkflowDefinition;
import dev.workflowtracing.workflow.WorkflowNotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One node's executions across runs, latest or slowest first, optionally failed ones only: the runs
 * behind a node's statistics, each with its trace to open at the node.
 */
@Path("/workflows/{id}/nodes/{nodeId}/executions")
@RequestScoped
@RolesAllowed({Roles.VIEWER, Roles.RUNNER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class NodeExecutionsResource {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 200;

  @Inject WebSettings settings;

  @EJB WorkflowCatalog catalog;
  @EJB NodeExecutions executions;

  @GET
  public NodeExecutionsView executions(
      @PathParam("id") String id,
      @PathParam("nodeId") String nodeId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("version") String version,
      @QueryParam("status") String status,
      @QueryParam("order") String order,
      @QueryParam("limit") String limit) {
    StatsRange range = StatsRange.parse(from, to, settings.statsMaxRangeDays());
    Optional<Integer> versionNumber = Params.version(version);
    boolean failedOnly = failedOnly(status);
    NodeExecutions.Order inOrder = order(order);
    int most = Params.whole("limit", limit, 1, MAX_LIMIT).orElse((long) DEFAULT_LIMIT).intValue();
    WorkflowDefinition definition = definition(id, versionNumber);
    if (definition.nodesInOrder().stream().map(NodeDefinition::id).noneMatch(nodeId::equals)) {
      throw new NotFoundProblem(
          "Workflow \""
              + id
              + "\" has no node \""
              + Params.excerpt(nodeId)
              + "\" in "
              + versionNumber.map(v -> "version " + v).orElse("its latest version"));
    }
    return new NodeExecutionsView(
        id,
        nodeId,
        versionNumber.orElse(null),
        range.from(),
        range.to(),
        executions.of(
            new NodeExecutions.Query(
                id,
                nodeId,
                versionNumber,
                range.fromMillis(),
                range.toMillis(),
                failedOnly,
                inOrder,
                most)));
  }

  private WorkflowDefinition definition(String id, Optional<Integer> version) {
    if (version.isPresent()) {
      return catalog
          .definition(id, version.get())
          .orElseThrow(
              () ->
                  catalog.latestDefinition(id).isEmpty()
                      ? new WorkflowNotFoundException(id)
                      : new NotFoundProblem(
                          "Workflow \"" + id + "\" has no version " + version.get()));
    }
    return catalog.definition(id);
  }

  private static boolean failedOnly(String status) {
    String value = Params.text("status", status, 16).orElse("all").toLowerCase(Locale.ROOT);
    return switch (value) {
      case "all" -> false;
      case "failed" -> true;
      default ->
          throw new BadRequestProblem(
              "\"status\" must be all or failed (got \"" + Params.excerpt(status) + "\")");
    };
  }

  private static NodeExecutions.Order order(String order) {
    String value = Params.text("order", order, 16).orElse("latest").toLowerCase(Locale.ROOT);
    return switch (value) {
      case "latest" -> NodeExecutions.Order.LATEST;
      case "slowest" -> NodeExecutions.Order.SLOWEST;
      default ->
          throw new BadRequestProblem(
              "\"order\" must be latest or slowest (got \"" + Params.excerpt(order) + "\")");
    };
  }

  /**
   * A node's executions in a range.
   *
   * @param version null: every version
   */
  public record NodeExecutionsView(
      String workflowId,
      String nodeId,
      Integer version,
      String from,
      String to,
      List<NodeExecutionView> executions) {}
}
