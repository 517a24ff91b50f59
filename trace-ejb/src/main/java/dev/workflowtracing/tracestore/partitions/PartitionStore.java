package dev.workflowtracing.tracestore.partitions;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.SQLException;
import java.util.List;
import org.hibernate.Session;

/**
 * The partitions of the application's database, each call in a transaction of its own: one
 * partition that cannot be made or dropped leaves the others alone.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PartitionStore {

  @PersistenceContext EntityManager em;

  /** A step on the catalog, on this transaction's connection. */
  private interface Step<T> {
    T on(PartitionCatalog catalog) throws SQLException;
  }

  private <T> T work(Step<T> step) {
    return em.unwrap(Session.class)
        .doReturningWork(connection -> step.on(new PartitionCatalog(connection)));
  }

  /** Whether the tables are partitioned here (PostgreSQL from schema version 9; never H2). */
  public boolean partitioned() {
    return work(catalog -> catalog.isPartitioned(PartitionedTable.SPANS));
  }

  /** A table's partitions, oldest first, the default partition last. */
  public List<Partition> partitions(PartitionedTable table) {
    return work(catalog -> catalog.partitions(table));
  }

  /** Creates one partition (moving into it what the default partition holds of its range). */
  public void create(PartitionedTable table, String name, long fromMillis, long toMillis) {
    work(
        catalog -> {
          catalog.create(table, name, fromMillis, toMillis);
          return null;
        });
  }

  public void drop(Partition partition) {
    work(
        catalog -> {
          catalog.drop(partition);
          return null;
        });
  }

  /** The most rows {@link #defaultRows} counts: a scrape of the metrics reads no more. */
  public static final long MAX_COUNTED_DEFAULT_ROWS = 10_000;

  /**
   * Rows in the default partition, rows that found no partition of their time; counted up to {@link
   * #MAX_COUNTED_DEFAULT_ROWS}.
   */
  public long defaultRows(PartitionedTable table) {
    return work(catalog -> catalog.rows(table.defaultPartition(), MAX_COUNTED_DEFAULT_ROWS));
  }
}
