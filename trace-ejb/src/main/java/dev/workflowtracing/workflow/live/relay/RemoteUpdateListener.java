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
import jakarta.jms.TextMessage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every server hears every published update, in the order it was sent (one session); each takes
 * those of the runs it asked for.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = RelayDestinations.UPDATES_JNDI),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Topic"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
    })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RemoteUpdateListener implements MessageListener {

  private static final Logger LOG = Logger.getLogger(RemoteUpdateListener.class.getName());

  @Inject RemoteRunWatches watches;
  @Inject TracingSettings tracing;

  @Override
  public void onMessage(Message message) {
    try {
      if (!tracing.instanceId().equals(message.getStringProperty(RelayDestinations.FROM))) {
        watches.received(
            message.getStringProperty(RelayDestinations.RUN_ID),
            LiveUpdateCodec.decode(((TextMessage) message).getText()));
      }
    } catch (JMSException | RuntimeException e) {
      LOG.log(Level.FINE, "A run update could not be taken", e);
    }
  }
}
