package dev.workflowtracing.workflow;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Parsed workflow definitions, the latest read of each workflow, per server. A stored version never
 * changes, so a definition cached under its id and version is right on every server: a run reads
 * only the latest version's number from the database and parses the definition only when that
 * version is not here ({@link WorkflowCatalog#definition(String)}). While the database is
 * unavailable, runs go on with the definition cached here. Filled at startup with every stored
 * workflow, so even one never run before can run during an outage.
 *
 * <p>Bounded by the definitions' JSON text, {@link #MAX_TEXT_CHARS} in all: the least recently used
 * workflows go first ({@link WeighedLru}).
 */
@Singleton
@Startup
@DependsOn("SampleWorkflowLoader")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DefinitionCache {

  /** About 8 million characters of definition text: thousands of workflows of usual size. */
  static final long MAX_TEXT_CHARS = 8_000_000;

  private static final Logger LOG = Logger.getLogger(DefinitionCache.class.getName());

  // Reads the stored workflows itself (the catalog uses this cache: it must not use the catalog).
  @PersistenceContext EntityManager em;

  // Each weighs the length of the text it was parsed from.
  private final WeighedLru<String, WorkflowDefinition> byId = new WeighedLru<>(MAX_TEXT_CHARS);

  @PostConstruct
  void warm() {
    for (WorkflowRecord record :
        em.createNamedQuery("WorkflowRecord.findLatestVersions", WorkflowRecord.class)
            .getResultList()) {
      try {
        remember(WorkflowDefinitionParser.parse(record.getDefinition()), record.getDefinition());
      } catch (InvalidWorkflowException e) {
        LOG.log(
            Level.WARNING,
            "Stored workflow " + record.getWorkflowId() + " is invalid: " + e.getMessage());
      }
    }
  }

  /** Keeps a stored definition, parsed from {@code text}, unless a later version is kept. */
  public void remember(WorkflowDefinition definition, String text) {
    byId.merge(
        definition.id(),
        definition,
        text.length(),
        (kept, offered) -> kept.version() > offered.version());
  }

  /** The latest definition read of a workflow, whichever version that is. */
  public Optional<WorkflowDefinition> cached(String workflowId) {
    return byId.get(workflowId);
  }

  /** The workflow's definition of this version, if that is the one kept. */
  public Optional<WorkflowDefinition> cached(String workflowId, int version) {
    return cached(workflowId).filter(d -> d.version() == version);
  }
}
