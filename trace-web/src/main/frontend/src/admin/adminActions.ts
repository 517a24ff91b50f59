// The admin page's writes to the server: pausing or resuming recording, making partitions; each reloads the page's data.
import { api } from '../api/client'
import { refreshTracingAdmin } from '../api/hooks'

/** Pauses (false) or resumes (true) recording new traces; rejects when the server refuses. */
export async function setRecording(recording: boolean): Promise<void> {
  await api.setRecording(recording)
  refreshTracingAdmin()
}

/** Makes the missing time partitions now; rejects when the server refuses. */
export async function makePartitions(): Promise<void> {
  await api.makePartitions()
  refreshTracingAdmin()
}
