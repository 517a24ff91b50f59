// The run panel's one write to the server: running a workflow, then showing the new run.
import { api } from '../api/client'
import { refreshRuns } from '../api/hooks'
import type { JsonValue, Run } from '../api/types'
import { useCanvasStore } from '../store/canvasStore'

/**
 * Runs a workflow and resolves when the run has ended; its run history is then reloaded and the
 * new run selected, unless the user has moved on to another workflow meanwhile.
 */
export async function runWorkflow(workflowId: string, inputs: Record<string, JsonValue>): Promise<Run> {
  const run = await api.runWorkflow(workflowId, inputs)
  refreshRuns(workflowId)
  const store = useCanvasStore.getState()
  if (store.selectedWorkflowId === workflowId) store.selectRun(run.runId, run.traceId)
  return run
}
