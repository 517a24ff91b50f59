// The admin page's one write to the server: pausing or resuming recording, then reloading the page's data.
import { api } from '../api/client'
import { refreshTracingAdmin } from '../api/hooks'

/** Pauses (false) or resumes (true) recording new traces; rejects when the server refuses. */
export async function setRecording(recording: boolean): Promise<void> {
  await api.setRecording(recording)
  refreshTracingAdmin()
}
