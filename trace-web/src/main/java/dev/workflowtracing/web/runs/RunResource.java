package dev.workflowtracing.web.runs;

import dev.workflowtracing.tracestore.read.RunView;
import dev.workflowtracing.tracestore.read.TraceReader;
import dev.workflowtracing.web.input.Ids;
import dev.workflowtracing.web.problem.NotFoundProblem;
import dev.workflowtracing.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A run by its id, with the id of its trace. */
@Path("/runs")
@RequestScoped
@RolesAllowed({Roles.VIEWER, Roles.RUNNER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

  @EJB TraceReader reader;

  @GET
  @Path("/{runId}")
  public RunView run(@PathParam("runId") String runId) {
    Ids.runId(runId);
    return reader.run(runId).orElseThrow(() -> new NotFoundProblem("No run with id " + runId));
  }
}
