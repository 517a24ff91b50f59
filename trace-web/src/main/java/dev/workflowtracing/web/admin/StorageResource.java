package dev.workflowtracing.web.admin;

import dev.workflowtracing.retention.PartitionMaintenance;
import dev.workflowtracing.retention.PartitionStats;
import dev.workflowtracing.retention.RetentionStats;
import dev.workflowtracing.tracestore.partitions.PartitionStore;
import dev.workflowtracing.tracestore.partitions.PartitionedTable;
import dev.workflowtracing.web.problem.ConflictProblem;
import dev.workflowtracing.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;

/**
 * For admins: how spans and runs are stored (their time partitions on PostgreSQL, with sizes), what
 * partition maintenance and retention last did, and making missing partitions now.
 */
@Path("/admin/storage")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class StorageResource {

  @EJB PartitionStore partitions;
  @EJB PartitionMaintenance maintenance;
  @Inject PartitionStats partitionStats;
  @Inject RetentionStats retentionStats;

  @GET
  public StorageView storage() {
    if (!partitions.partitioned()) {
      return StorageView.unpartitioned(retentionStats);
    }
    return StorageView.of(
        Arrays.stream(PartitionedTable.values())
            .map(
                table ->
                    StorageView.TableView.of(
                        table, partitions.partitions(table), partitions.defaultRows(table)))
            .toList(),
        partitionStats,
        retentionStats);
  }

  /**
   * Makes the partitions that are missing now, instead of at the next check (every 30 minutes):
   * after the cause of a failure is mended, say. Answers the storage view as it is then; 409 when
   * another server of the cluster kept making partitions for the 20 s this waited.
   */
  @POST
  @Path("/partitions")
  public StorageView makePartitions() {
    if (maintenance.checkNow().isEmpty()) {
      throw new ConflictProblem(
          "Another server of the cluster has been making partitions for 20 s: try again shortly");
    }
    return storage();
  }
}
