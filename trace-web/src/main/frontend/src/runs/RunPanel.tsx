import { useCanvasStore } from '../store/canvasStore'
import { RunForm } from './RunForm'
import { RunHistory } from './RunHistory'
import './RunPanel.css'

/** Right-hand panel: run the selected workflow, and its past runs. */
export function RunPanel() {
  const workflowId = useCanvasStore((s) => s.selectedWorkflowId)
  if (!workflowId) return null
  return (
    <aside className="run-panel" aria-label="Runs">
      {/* Keyed by workflow so the form's inputs and outcome start fresh for each workflow. */}
      <RunForm key={`form-${workflowId}`} workflowId={workflowId} />
      <RunHistory key={`history-${workflowId}`} workflowId={workflowId} />
    </aside>
  )
}
