// The Trace tab's one write to the server: deleting a trace, then dropping it from the selection and the cache.
import { api } from '../api/client'
import { forgetTrace, refreshRuns } from '../api/hooks'
import type { Trace } from '../api/types'
import { useCanvasStore } from '../store/canvasStore'

/**
 * Deletes the run behind the trace (spans, attributes, artifacts and the run row); the run then
 * leaves the history and the selection is cleared. Rejects, changing nothing, when the server refuses.
 */
export async function deleteTrace(trace: Trace): Promise<void> {
  await api.deleteTrace(trace.traceId)
  const store = useCanvasStore.getState()
  const workflowId = trace.run?.workflowId ?? store.selectedWorkflowId
  // Clear the selection first, so nothing is showing the trace when it leaves the cache.
  if (store.selectedTraceId === trace.traceId) store.selectRun(null, null)
  forgetTrace(trace.traceId)
  if (workflowId) refreshRuns(workflowId)
}
