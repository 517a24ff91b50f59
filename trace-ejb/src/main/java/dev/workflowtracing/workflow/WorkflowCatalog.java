package dev.workflowtracing.workflow;

import dev.workflowtracing.json.JsonFactory;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Optional;

/** Stores and finds workflow definitions. Every save is validated; a change is a new version. */
@Stateless
public class WorkflowCatalog {

  @PersistenceContext EntityManager em;
  @jakarta.ejb.EJB DefinitionCache lastRead;
  @Resource TransactionSynchronizationRegistry transactions;

  /** The latest version of every workflow. */
  public List<WorkflowSummary> summaries() {
    return latestVersions().stream().map(WorkflowSummary::of).toList();
  }

  /** The latest definition of a workflow, as JSON text. */
  public Optional<String> latestDefinition(String workflowId) {
    return latest(workflowId).map(WorkflowRecord::getDefinition);
  }

  public List<WorkflowRecord> latestVersions() {
    return em.createNamedQuery("WorkflowRecord.findLatestVersions", WorkflowRecord.class)
        .getResultList();
  }

  /** One stored version of a workflow. */
  public Optional<WorkflowRecord> version(String workflowId, int version) {
    return Optional.ofNullable(
        em.find(WorkflowRecord.class, new WorkflowRecord.Key(workflowId, version)));
  }

  /** A stored version's definition, as JSON text. */
  public Optional<String> definitionText(String workflowId, int version) {
    return version(workflowId, version).map(WorkflowRecord::getDefinition);
  }

  /**
   * A stored version's definition, parsed: from the cache when it holds that version (a stored
   * version never changes, so no read is needed), else read, parsed and kept.
   */
  public Optional<WorkflowDefinition> definition(String workflowId, int version) {
    Optional<WorkflowDefinition> cached = lastRead.cached(workflowId, version);
    if (cached.isPresent()) {
      return cached;
    }
    return version(workflowId, version).map(this::parseAndKeep);
  }

  /** A workflow's versions, newest first; at most {@code limit}. */
  public List<WorkflowVersion> versions(String workflowId, int limit) {
    return em.createQuery(
            "select new dev.workflowtracing.workflow.WorkflowVersion(w.version, w.name, w.createdAt)"
                + " from WorkflowRecord w where w.workflowId = :workflowId order by w.version desc",
            WorkflowVersion.class)
        .setParameter("workflowId", workflowId)
        .setMaxResults(limit)
        .getResultList();
  }

  public Optional<WorkflowRecord> latest(String workflowId) {
    return em.createNamedQuery("WorkflowRecord.findLatest", WorkflowRecord.class)
        .setParameter("workflowId", workflowId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /**
   * The latest definition. If the database cannot be read, the last definition read is used, so
   * runs go on through a database outage. No transaction: a failed read must not leave one marked
   * for rollback, whose commit would then fail the call after the fallback succeeded.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public WorkflowDefinition definition(String workflowId) {
    try {
      // Only the number: the definition itself is read and parsed when it is not cached.
      int latest =
          latestVersion(workflowId).orElseThrow(() -> new WorkflowNotFoundException(workflowId));
      return definition(workflowId, latest)
          .orElseThrow(() -> new WorkflowNotFoundException(workflowId));
    } catch (PersistenceException e) {
      return lastRead
          .cached(workflowId)
          .orElseThrow(
              () -> new IllegalStateException("Database unavailable: " + e.getMessage(), e));
    }
  }

  private Optional<Integer> latestVersion(String workflowId) {
    return Optional.ofNullable(
        em.createNamedQuery("WorkflowRecord.latestVersion", Integer.class)
            .setParameter("workflowId", workflowId)
            .getSingleResult());
  }

  private WorkflowDefinition parseAndKeep(WorkflowRecord record) {
    WorkflowDefinition definition = WorkflowDefinitionParser.parse(record.getDefinition());
    lastRead.remember(definition, record.getDefinition());
    return definition;
  }

  /**
   * Saves {@code json} as the next version of its workflow (version 1 for a new id), whatever
   * version the JSON names.
   */
  public WorkflowSummary saveNewVersion(JsonObject json) {
    WorkflowDefinitionParser.parse(json); // a clear 400 before "id" is read
    String id = json.getString("id");
    // Two servers saving the same workflow at once: one after the other, each its own version.
    ClusterWideLock.holdUntilCommit(em, ClusterWideLock.WORKFLOW_VERSIONS);
    int version = latestVersion(id).map(v -> v + 1).orElse(1);
    JsonObject versioned = JsonFactory.createObjectBuilder(json).add("version", version).build();
    WorkflowDefinition definition = WorkflowDefinitionParser.parse(versioned);
    WorkflowRecord record =
        new WorkflowRecord(definition, versioned.toString(), System.currentTimeMillis());
    em.persist(record);
    // Once committed: a version whose save rolled back is given to the next save.
    String text = record.getDefinition();
    transactions.registerInterposedSynchronization(
        new AfterCommit(() -> lastRead.remember(definition, text)));
    return WorkflowSummary.of(record);
  }

  /** Saves a sample unless that id and version is already stored; true if it was saved. */
  public boolean saveIfAbsent(String json) {
    WorkflowDefinition workflow = WorkflowDefinitionParser.parse(json);
    // Servers starting together on one database: one stores the sample, the others find it.
    ClusterWideLock.holdUntilCommit(em, ClusterWideLock.SAMPLE_WORKFLOWS);
    if (em.find(WorkflowRecord.class, new WorkflowRecord.Key(workflow.id(), workflow.version()))
        != null) {
      return false;
    }
    em.persist(new WorkflowRecord(workflow, json, System.currentTimeMillis()));
    return true;
  }
}
