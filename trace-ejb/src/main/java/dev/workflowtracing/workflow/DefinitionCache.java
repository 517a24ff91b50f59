package dev.workflowtracing.workflow;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The latest definitions read from the database, to fall back on while it is unavailable. Filled at
 * startup with every stored workflow, so even one never run before can run during an outage.
 */
@Singleton
@Startup
@DependsOn("SampleWorkflowLoader")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DefinitionCache {

  private static final Logger LOG = Logger.getLogger(DefinitionCache.class.getName());

  // Reads the stored workflows itself (the catalog uses this cache: it must not use the catalog).
  @PersistenceContext EntityManager em;

  private final Map<String, WorkflowDefinition> byId = new ConcurrentHashMap<>();

  @PostConstruct
  void warm() {
    for (WorkflowRecord record :
        em.createNamedQuery("WorkflowRecord.findLatestVersions", WorkflowRecord.class)
            .getResultList()) {
      try {
        remember(WorkflowDefinitionParser.parse(record.getDefinition()));
      } catch (InvalidWorkflowException e) {
        LOG.log(
            Level.WARNING,
            "Stored workflow " + record.getWorkflowId() + " is invalid: " + e.getMessage());
      }
    }
  }

  public void remember(WorkflowDefinition definition) {
    byId.put(definition.id(), definition);
  }

  public Optional<WorkflowDefinition> cached(String workflowId) {
    return Optional.ofNullable(byId.get(workflowId));
  }
}
