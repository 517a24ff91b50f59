package dev.workflowtracing.web.workflows;

import dev.workflowtracing.stats.NodeStats;
import dev.workflowtracing.stats.NodeStatsView;
import dev.workflowtracing.web.WebSettings;
import dev.workflowtracing.web.input.Params;
import dev.workflowtracing.web.output.Gzipped;
import dev.workflowtracing.web.security.Roles;
import dev.workflowtracing.workflow.PriceTable;
import dev.workflowtracing.workflow.WorkflowCatalog;
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
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Per-node statistics of a workflow over a time range ({@code from}, {@code to}, at most {@code
 * workflow.stats.max-range-days} apart; the last 7 days by default), of one version or all.
 */
@Path("/workflows/{id}/stats")
@RequestScoped
@RolesAllowed({Roles.VIEWER, Roles.RUNNER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class WorkflowStatsResource {

  @Inject WebSettings settings;

  @EJB WorkflowCatalog catalog;
  @EJB NodeStats stats;

  @Gzipped
  @GET
  public StatsView stats(
      @PathParam("id") String id,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("version") String version) {
    StatsRange range = StatsRange.parse(from, to, settings.statsMaxRangeDays());
    Optional<Integer> versionNumber = Params.version(version);
    if (catalog.latestDefinition(id).isEmpty()) {
      throw new WorkflowNotFoundException(id);
    }
    return new StatsView(
        id,
        versionNumber.orElse(null),
        range.from(),
        range.to(),
        stats.of(id, versionNumber, range.fromMillis(), range.toMillis()),
        ConfigProvider.getConfig().getValue(PriceTable.CURRENCY_KEY, String.class));
  }

  /**
   * A workflow's per-node figures.
   *
   * @param version null: every version
   * @param currency of the costs (the price table's)
   */
  public record StatsView(
      String workflowId,
      Integer version,
      String from,
      String to,
      List<NodeStatsView> nodes,
      String currency) {}
}
