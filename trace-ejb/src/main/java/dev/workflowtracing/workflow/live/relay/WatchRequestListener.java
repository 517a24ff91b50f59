package dev.workflowtracing.workflow.live.relay;

import dev.workflowtracing.instrumentation.TracingSettings;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every server hears every watch request; the one executing the run publishes it. */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = RelayDestinations.WATCHES_JNDI),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Topic"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
    })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WatchRequestListener implements MessageListener {

  private static final Logger LOG = Logger.getLogger(WatchRequestListener.class.getName());

  @Inject LivePublisher publisher;
  @Inject TracingSettings tracing;

  @Override
  public void onMessage(Message message) {
    try {
      if (!tracing.instanceId().equals(message.getStringProperty(RelayDestinations.FROM))) {
        publisher.publish(message.getStringProperty(RelayDestinations.RUN_ID));
      }
    } catch (JMSException | RuntimeException e) {
      LOG.log(Level.FINE, "A watch request could not be answered", e);
    }
  }
}
