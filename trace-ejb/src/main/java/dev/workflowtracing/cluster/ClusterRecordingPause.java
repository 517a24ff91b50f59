package dev.workflowtracing.cluster;

import dev.workflowtracing.concurrent.PeriodicTasks;
import dev.workflowtracing.instrumentation.RecordingSwitch;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Logger;

/**
 * The recording pause of the whole cluster: an admin's pause or resume is stored, applied at once
 * on the server that took it, and followed by every other server within {@link #FOLLOW_EVERY}; a
 * server that starts follows the stored setting (a pause holds until someone resumes).
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "ClusterSettingStore", "PeriodicTasks"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClusterRecordingPause {

  private static final Logger LOG = Logger.getLogger(ClusterRecordingPause.class.getName());
  static final String SETTING = "recording"; // a row of cluster_settings, not a config key
  static final Duration FOLLOW_EVERY = Duration.ofSeconds(2);

  @EJB ClusterSettingStore store;
  @Inject RecordingSwitch recordingSwitch;
  @Inject PeriodicTasks periodic;

  private volatile ScheduledFuture<?> following;

  @PostConstruct
  void start() {
    follow();
    long every = FOLLOW_EVERY.toMillis();
    following = periodic.every("recording pause", Duration.ofMillis(every), this::follow);
  }

  @PreDestroy
  void stop() {
    if (following != null) {
      following.cancel(false);
    }
  }

  /** Pauses or resumes recording on every server; {@code by} is who asked. */
  public void record(boolean recording, String by) {
    store.write(SETTING, String.valueOf(recording), by);
    apply(recording);
  }

  private void follow() {
    try {
      store.read(SETTING).map(Boolean::parseBoolean).ifPresent(this::apply);
    } catch (RuntimeException e) {
      LOG.fine(() -> "Could not read the recording setting (database unavailable?): " + e);
    }
  }

  private void apply(boolean recording) {
    if (recordingSwitch.paused() == recording) {
      recordingSwitch.record(recording);
    }
  }
}
