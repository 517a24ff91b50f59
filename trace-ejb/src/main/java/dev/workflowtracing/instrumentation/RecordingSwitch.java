package dev.workflowtracing.instrumentation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Pauses or resumes recording new traces on this server: the kill switch for an incident ({@code
 * tracing.enabled} is the lasting one). The cluster's pause, which admins set, drives it on every
 * server. Spans already queued are still exported, and runs already recording finish their traces.
 * With tracing disabled by configuration there is nothing to resume: {@link #recording()} stays
 * false.
 */
@ApplicationScoped
public class RecordingSwitch {

  private static final Logger LOG = Logger.getLogger(RecordingSwitch.class.getName());

  @Inject TracerHolder tracerHolder;

  /** Whether new runs are traced now. */
  public boolean recording() {
    return tracerHolder.recording();
  }

  /** Whether recording is paused here (false when tracing is disabled by configuration). */
  public boolean paused() {
    return tracerHolder.paused();
  }

  public void record(boolean recording) {
    tracerHolder.pause(!recording);
    LOG.info(recording ? "Recording of new traces resumed" : "Recording of new traces paused");
  }
}
