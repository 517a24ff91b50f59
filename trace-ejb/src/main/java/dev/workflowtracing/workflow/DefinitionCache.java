package dev.workflowtracing.workflow;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The definitions last read from the database, to fall back on while it is unavailable. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DefinitionCache {

  private final Map<String, WorkflowDefinition> byId = new ConcurrentHashMap<>();

  public void remember(WorkflowDefinition definition) {
    byId.put(definition.id(), definition);
  }

  public Optional<WorkflowDefinition> cached(String workflowId) {
    return Optional.ofNullable(byId.get(workflowId));
  }
}
