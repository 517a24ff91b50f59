package dev.workflowtracing.workflow.engine.queue;

import dev.workflowtracing.instrumentation.Traced;
import dev.workflowtracing.instrumentation.redaction.Redactor;
import dev.workflowtracing.json.JsonFactory;
import dev.workflowtracing.workflow.run.RunEndings;
import dev.workflowtracing.workflow.run.RunEvent;
import dev.workflowtracing.workflow.run.RunStatus;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;

/**
 * Records a run as queued and sends it to the run queue. Each call is the producer span; its
 * context goes into the message's {@code traceparent} property, so the run's root span, started by
 * the consumer, continues the same trace.
 */
@Stateless
@Traced
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RunQueueProducer {

  static final String TRACEPARENT = "traceparent";

  @Inject Redactor redactor;
  @Inject Event<RunEvent> events;
  @Inject RunEndings endings;
  @Inject JMSContext jms;

  @Resource(lookup = RunQueueDestination.JNDI)
  Queue queue;

  public QueuedRun enqueue(Enqueue request) {
    long queuedAt = System.currentTimeMillis();
    String inputs = redactor.json(request.inputs()).toString();
    events.fire(
        new RunEvent.RunQueued(
            request.runId(),
            request.workflow().id(),
            request.workflow().version(),
            request.trigger(),
            queuedAt,
            inputs));
    try {
      send(request);
    } catch (JMSRuntimeException e) {
      // Its row says QUEUED already: end it, so that no run waits for a message never sent.
      endings.notExecuted(
          request.runId(),
          RunStatus.ABORTED,
          "Not queued: the message broker was unavailable (the caller was told so)");
      throw new RunQueueUnavailableException(e);
    }
    return new QueuedRun(
        request.runId(), request.workflow().id(), request.workflow().version(), queuedAt, inputs);
  }

  private void send(Enqueue request) {
    TextMessage message =
        jms.createTextMessage(
            JsonFactory.createObjectBuilder()
                .add("runId", request.runId())
                .add("workflowId", request.workflow().id())
                .add("workflowVersion", request.workflow().version())
                .add("trigger", request.trigger())
                .add("inputs", request.inputs())
                .build()
                .toString());
    W3CTraceContextPropagator.getInstance()
        .inject(Context.current(), message, RunQueueProducer::setProperty);
    jms.createProducer().send(queue, message);
  }

  private static void setProperty(TextMessage message, String key, String value) {
    try {
      message.setStringProperty(key, value);
    } catch (JMSException e) {
      throw new IllegalStateException("Could not set " + key + " on the run's message", e);
    }
  }
}
