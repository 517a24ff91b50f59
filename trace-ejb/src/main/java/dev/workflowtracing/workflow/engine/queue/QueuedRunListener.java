package dev.workflowtracing.workflow.engine.queue;

import dev.workflowtracing.json.JsonFactory;
import dev.workflowtracing.workflow.engine.WorkflowService;
import dev.workflowtracing.workflow.run.RunEndings;
import dev.workflowtracing.workflow.run.RunStatus;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes runs off the run queue and executes them, continuing the trace the message carries. At most
 * {@code maxSession} runs at a time per server, each taken from the broker only when a session is
 * free. A run that cannot start (its workflow is gone) ends FAILED with the reason; nothing is
 * thrown back to the queue, so no message is redelivered for a run that already ran.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = RunQueueDestination.JNDI),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8"),
      // A session takes a run only when it is free: nothing waits in a busy server's buffer while
      // another server is idle, and what waits is on the broker, where QueueDepth counts it.
      @ActivationConfigProperty(propertyName = "consumerWindowSize", propertyValue = "0")
    })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class QueuedRunListener implements MessageListener {

  private static final Logger LOG = Logger.getLogger(QueuedRunListener.class.getName());

  @EJB WorkflowService workflows;
  @Inject RunEndings endings;

  @Override
  public void onMessage(Message message) {
    String runId = null;
    try {
      JsonObject run =
          JsonFactory.createReader(new StringReader(((TextMessage) message).getText()))
              .readObject();
      runId = run.getString("runId");
      Context parent =
          W3CTraceContextPropagator.getInstance().extract(Context.root(), message, PROPERTIES);
      workflows.runQueued(
          runId,
          run.getString("workflowId"),
          acceptedVersion(run),
          run.getJsonObject("inputs"),
          run.getString("trigger"),
          parent);
    } catch (JMSException | RuntimeException e) {
      LOG.log(Level.WARNING, "Queued run " + runId + " could not start", e);
      if (runId != null) {
        endings.notExecuted(runId, RunStatus.FAILED, "The run could not start: " + e.getMessage());
      }
    }
  }

  /** The version the run was accepted with; none in a message sent by an older server. */
  private static OptionalInt acceptedVersion(JsonObject run) {
    JsonValue version = run.get("workflowVersion");
    return version instanceof JsonNumber number
        ? OptionalInt.of(number.intValue())
        : OptionalInt.empty();
  }

  private static final TextMapGetter<Message> PROPERTIES =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Message carrier) {
          return List.of(RunQueueProducer.TRACEPARENT);
        }

        @Override
        public String get(Message carrier, String key) {
          try {
            return carrier == null ? null : carrier.getStringProperty(key);
          } catch (JMSException e) {
            return null;
          }
        }
      };
}
