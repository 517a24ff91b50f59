package dev.workflowtracing.workflow.engine;

import dev.workflowtracing.instrumentation.TracingPipeline;
import dev.workflowtracing.workflow.WorkflowCatalog;
import dev.workflowtracing.workflow.WorkflowDefinition;
import dev.workflowtracing.workflow.WorkflowNotFoundException;
import dev.workflowtracing.workflow.WorkflowSettings;
import dev.workflowtracing.workflow.engine.control.HeapGuard;
import dev.workflowtracing.workflow.engine.control.RunControl;
import dev.workflowtracing.workflow.engine.control.RunHandle;
import dev.workflowtracing.workflow.engine.control.RunLedger;
import dev.workflowtracing.workflow.engine.execution.RunRequest;
import dev.workflowtracing.workflow.engine.execution.WorkflowRunner;
import dev.workflowtracing.workflow.run.AbortReason;
import dev.workflowtracing.workflow.run.CancelOutcome;
import dev.workflowtracing.workflow.run.RunEndings;
import dev.workflowtracing.workflow.run.RunIds;
import dev.workflowtracing.workflow.run.RunResult;
import dev.workflowtracing.workflow.run.RunStatus;
import io.opentelemetry.context.Context;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Logger;

/** Starts runs of stored workflows, and runs taken off the run queue. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WorkflowService {

  private static final Logger LOG = Logger.getLogger(WorkflowService.class.getName());

  @EJB WorkflowCatalog catalog;
  @EJB WorkflowRunner runner;
  @EJB RunControl control;
  @Inject RunLedger ledger;
  @Inject RunEndings endings;
  @Inject WorkflowSettings settings;
  @Inject HeapGuard heap;
  @EJB TracingPipeline pipeline;

  /**
   * Runs the latest version of a workflow and waits for it to end.
   *
   * @param parent the caller's trace context, or {@link Context#root()} for a new trace
   */
  public RunResult run(String workflowId, JsonObject inputs, String trigger, Context parent) {
    WorkflowDefinition workflow = catalog.definition(workflowId);
    heap.checkRoom();
    // A new id: nothing can have cancelled it yet.
    RunHandle handle = control.begin(RunIds.next(), timeLimit(workflow)).get();
    try {
      return ended(runner.run(new RunRequest(handle, workflow, inputs, trigger, parent, false)));
    } finally {
      control.end(handle);
    }
  }

  /**
   * Runs a run taken off the run queue, under the id it was accepted with, unless its record says
   * otherwise: one cancelled while queued does not run, and one recorded as running that no server
   * here executes was cut off by a crash (its message came back): it ends ABORTED rather than
   * running twice.
   */
  public void runQueued(
      String runId,
      String workflowId,
      OptionalInt version,
      JsonObject inputs,
      String trigger,
      Context parent) {
    Optional<RunStatus> recorded = ledger.status(runId);
    if (recorded.isPresent() && recorded.get().isFinal()) {
      LOG.info(() -> "Run " + runId + " taken off the queue has ended already: " + recorded.get());
      return;
    }
    if (recorded.orElse(RunStatus.QUEUED) == RunStatus.RUNNING) {
      if (!control.isExecuting(runId)) {
        LOG.warning(() -> "Run " + runId + " was running when its server stopped: aborted");
        endings.notExecuted(
            runId,
            RunStatus.ABORTED,
            AbortReason.serverStopped(ledger.executor(runId).orElse(null)));
      }
      return;
    }
    // The version it was accepted with, as its record says, even if a later one was saved since.
    WorkflowDefinition workflow =
        version.isPresent()
            ? catalog
                .definition(workflowId, version.getAsInt())
                .orElseThrow(() -> new WorkflowNotFoundException(workflowId))
            : catalog.definition(workflowId);
    Optional<RunHandle> handle = control.begin(runId, timeLimit(workflow));
    if (handle.isEmpty()) {
      return; // cancelled while it waited
    }
    try {
      ended(runner.run(new RunRequest(handle.get(), workflow, inputs, trigger, parent, true)));
    } finally {
      control.end(handle.get());
    }
  }

  /**
   * Cancels a queued or running run.
   *
   * @param by who asks, for the run's error text
   */
  public CancelOutcome cancel(String runId, String by) {
    return control.cancel(runId, "Cancelled by " + by);
  }

  /**
   * Announces a run's end once its spans are stored (the runner's root span ended when it
   * returned): so its final status, recorded on this event, is never there without its trace, even
   * if the server is killed right after.
   */
  private RunResult ended(RunResult result) {
    pipeline.awaitDatabase();
    endings.executed(result);
    return result;
  }

  private Duration timeLimit(WorkflowDefinition workflow) {
    return workflow.timeout().orElse(settings.runDefaultTimeout());
  }
}
