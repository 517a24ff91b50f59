package dev.workflowtracing.web.runs;

import dev.workflowtracing.compare.RunComparison;
import dev.workflowtracing.compare.RunComparisonView;
import dev.workflowtracing.tracestore.read.RunView;
import dev.workflowtracing.tracestore.read.TraceReader;
import dev.workflowtracing.web.input.Ids;
import dev.workflowtracing.web.input.Params;
import dev.workflowtracing.web.output.Gzipped;
import dev.workflowtracing.web.problem.BadRequestProblem;
import dev.workflowtracing.web.problem.ConflictProblem;
import dev.workflowtracing.web.problem.NotFoundProblem;
import dev.workflowtracing.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

/**
 * Two runs of one workflow compared node by node ({@code left}, {@code right}: run ids; any
 * versions); with {@code node}, that node's texts diffed line by line as well.
 */
@Path("/runs/compare")
@RequestScoped
@RolesAllowed({Roles.VIEWER, Roles.RUNNER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class RunCompareResource {

  /** Node ids are at most this long (workflow definitions). */
  private static final int MAX_NODE_ID_LENGTH = 100;

  @EJB TraceReader reader;
  @EJB RunComparison comparison;

  @Gzipped
  @GET
  public RunComparisonView compare(
      @QueryParam("left") String left,
      @QueryParam("right") String right,
      @QueryParam("node") String node) {
    RunView leftRun = traced("left", left);
    RunView rightRun = traced("right", right);
    if (!leftRun.workflowId().equals(rightRun.workflowId())) {
      throw new BadRequestProblem(
          "Only runs of one workflow can be compared: \"left\" is a run of \""
              + leftRun.workflowId()
              + "\", \"right\" of \""
              + rightRun.workflowId()
              + "\"");
    }
    Optional<String> nodeId = Params.text("node", node, MAX_NODE_ID_LENGTH);
    RunComparisonView view = comparison.compare(leftRun, rightRun, nodeId);
    if (nodeId.isPresent()
        && view.nodes().stream().noneMatch(n -> n.nodeId().equals(nodeId.get()))) {
      throw new NotFoundProblem(
          "Neither version of \""
              + leftRun.workflowId()
              + "\" has a node \""
              + nodeId.get()
              + "\"");
    }
    return view;
  }

  private RunView traced(String side, String runId) {
    if (!Params.present(runId)) {
      throw new BadRequestProblem("\"" + side + "\" must name a run (its id)");
    }
    Ids.runId(runId);
    RunView run =
        reader
            .run(runId)
            .orElseThrow(
                () -> new NotFoundProblem("No run with id " + runId + " (\"" + side + "\")"));
    if (run.traceId() == null) {
      throw new ConflictProblem(
          "Run " + runId + " (\"" + side + "\") was not traced, so there is nothing to compare");
    }
    return run;
  }
}
