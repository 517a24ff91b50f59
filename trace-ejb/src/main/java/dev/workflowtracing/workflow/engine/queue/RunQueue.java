package dev.workflowtracing.workflow.engine.queue;

import dev.workflowtracing.workflow.WorkflowCatalog;
import dev.workflowtracing.workflow.WorkflowDefinition;
import dev.workflowtracing.workflow.engine.control.HeapGuard;
import dev.workflowtracing.workflow.engine.control.ServerOverloadedException;
import dev.workflowtracing.workflow.run.RunIds;
import io.opentelemetry.context.Context;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.json.JsonObject;

/**
 * Accepts runs to execute later: each becomes a persistent message on the run queue (Jakarta
 * Messaging, WildFly's embedded ActiveMQ Artemis), taken off by {@link QueuedRunListener} on any
 * server ({@link RunQueueProducer} sends it, traced as the producer span). The queue holds at most
 * {@code workflow.queue.max-depth} runs, as the broker counts them ({@link QueueDepth}).
 */
@JMSDestinationDefinition(
    name = RunQueueDestination.JNDI,
    interfaceName = "jakarta.jms.Queue",
    destinationName = RunQueueDestination.NAME)
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RunQueue {

  @EJB WorkflowCatalog catalog;
  @EJB RunQueueProducer producer;
  @Inject QueueDepth depth;
  @Inject HeapGuard heap;

  /**
   * Puts a run of the latest version on the queue and answers at once.
   *
   * @throws RunQueueFullException when the server already holds its maximum of queued runs
   * @throws ServerOverloadedException when the server is short of heap
   */
  public QueuedRun submit(String workflowId, JsonObject inputs, String trigger, Context parent) {
    WorkflowDefinition workflow = catalog.definition(workflowId);
    depth.checkRoom();
    heap.checkRoom();
    String runId = RunIds.next();
    return producer.enqueue(new Enqueue(runId, workflow, inputs, trigger, parent));
  }
}
