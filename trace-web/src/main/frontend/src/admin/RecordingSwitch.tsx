import { useState } from 'react'
import { ErrorBox } from '../ui/ErrorBox'
import './RecordingSwitch.css'

/**
 * Pauses or resumes recording new traces at runtime: the kill switch for an incident. Runs already
 * recording finish their traces; a restart brings back what tracing.enabled says.
 */
export function RecordingSwitch({
  recording,
  onSetRecording,
}: {
  recording: boolean
  /** Asks the server to pause (false) or resume (true); a rejection is shown under the switch. */
  onSetRecording: (recording: boolean) => Promise<void>
}) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  async function toggle() {
    setBusy(true)
    setError(null)
    try {
      await onSetRecording(!recording)
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="recording-switch">
      <button
        type="button"
        className="button button--small"
        onClick={toggle}
        disabled={busy}
        data-testid="recording-switch"
      >
        {recording ? 'Pause recording' : 'Resume recording'}
      </button>
      <span className="muted">
        {recording
          ? 'New runs are traced. Pausing stops tracing new runs until you resume or the server restarts.'
          : 'New runs are not traced. Runs already traced when paused kept their traces.'}
      </span>
      {error !== null && <ErrorBox error={error} action="admin" title="Could not switch recording" />}
    </div>
  )
}
