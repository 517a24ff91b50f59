import { useState } from 'react'
import { useMe, useRefreshRunsWhile, useRuns } from '../api/hooks'
import type { RunStatus } from '../api/types'
import { accessTo } from '../auth/access'
import { useCanvasStore } from '../store/canvasStore'
import { RunForm } from './RunForm'
import { RunHistory, isGoing } from './RunHistory'
import './RunPanel.css'
import { cancelRun, runWorkflow } from './runActions'

/** The right-hand panel's container: run the selected workflow, and its past runs. */
export function RunPanel() {
  const workflowId = useCanvasStore((s) => s.selectedWorkflowId)
  if (!workflowId) return null
  return (
    <aside className="run-panel" aria-label="Runs">
      {/* Keyed by workflow so the form's inputs and outcome, the filter and loaded pages start fresh. */}
      <WorkflowRuns key={workflowId} workflowId={workflowId} />
    </aside>
  )
}

function WorkflowRuns({ workflowId }: { workflowId: string }) {
  const selectedRunId = useCanvasStore((s) => s.selectedRunId)
  const selectRun = useCanvasStore((s) => s.selectRun)
  // Only a known lack of the role locks the button; otherwise the server decides (and says why).
  const runDenied = accessTo(useMe().data, 'run') === 'denied'
  const [status, setStatus] = useState<RunStatus | ''>('')
  const runs = useRuns(workflowId, status || undefined)
  // Runs still going change on the server: the list follows them until they end.
  useRefreshRunsWhile(
    workflowId,
    runs.runs.some((run) => isGoing(run.status)),
  )

  return (
    <>
      <RunForm
        runDenied={runDenied}
        onRun={(inputs, onAccepted) => runWorkflow(workflowId, inputs, onAccepted)}
        onCancel={runDenied ? undefined : cancelRun}
      />
      <RunHistory
        runs={runs}
        status={status}
        onStatusChange={setStatus}
        selectedRunId={selectedRunId}
        onSelectRun={selectRun}
      />
    </>
  )
}
