// The run panel's writes to the server: starting a run, which is then watched as it happens, and
// cancelling one.
import { api } from '../api/client'
import { refreshRuns } from '../api/hooks'
import type { JsonValue, Run } from '../api/types'
import { liveRuns } from '../live/liveRuns'
import { useCanvasStore } from '../store/canvasStore'

/**
 * Starts a run and selects it at once (its graph colours as it goes); `onAccepted` gets the queued
 * run. Resolves with the run once it has ended, and reloads the workflow's run history each time.
 */
export async function runWorkflow(
  workflowId: string,
  inputs: Record<string, JsonValue>,
  onAccepted: (run: Run) => void = () => {},
): Promise<Run> {
  const accepted = await api.startRun(workflowId, inputs)
  onAccepted(accepted)
  refreshRuns(workflowId)
  const isShown = () => {
    const store = useCanvasStore.getState()
    return store.selectedWorkflowId === workflowId
  }
  if (isShown()) useCanvasStore.getState().selectRun(accepted.runId, null)
  // The trace id is known once the run starts: the Trace tab can then show its spans in flight.
  const stopFollowing = liveRuns.subscribe(() => {
    const traceId = liveRuns.get(accepted.runId)?.traceId
    const store = useCanvasStore.getState()
    if (traceId && store.selectedRunId === accepted.runId && !store.selectedTraceId) {
      store.selectRun(accepted.runId, traceId)
    }
  })
  try {
    await liveRuns.whenEnded(accepted.runId)
  } finally {
    stopFollowing()
  }
  refreshRuns(workflowId)
  return api.getRun(accepted.runId)
}

/** Asks the server to cancel a run; the run's events tell when it has stopped. */
export function cancelRun(runId: string): Promise<Run> {
  return api.cancelRun(runId)
}
