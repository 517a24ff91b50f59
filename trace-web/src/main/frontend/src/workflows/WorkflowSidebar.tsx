import { AdminNavButton } from '../admin/AdminNavButton'
import { useWorkflows } from '../api/hooks'
import { CurrentUser } from '../auth/CurrentUser'
import { useCanvasStore } from '../store/canvasStore'
import { EmptyState } from '../ui/EmptyState'
import { ErrorBox } from '../ui/ErrorBox'
import { Spinner } from '../ui/Spinner'
import './WorkflowSidebar.css'

export function WorkflowSidebar() {
  const workflows = useWorkflows()
  // On the admin page no workflow is the current page.
  const selectedId = useCanvasStore((s) => (s.view === 'workflows' ? s.selectedWorkflowId : null))
  const selectWorkflow = useCanvasStore((s) => s.selectWorkflow)

  return (
    <nav className="sidebar" aria-label="Workflows">
      <h1 className="sidebar__title">Workflow Tracing</h1>
      <CurrentUser />
      <AdminNavButton />
      <h2 className="sidebar__heading">Workflows</h2>
      {workflows.status === 'loading' && <Spinner label="Loading workflows…" />}
      {workflows.status === 'error' && <ErrorBox error={workflows.error} title="Could not load the workflows" />}
      {workflows.status === 'success' && workflows.data.length === 0 && <EmptyState>No workflows defined.</EmptyState>}
      {workflows.status === 'success' && workflows.data.length > 0 && (
        <ul className="workflow-list" data-testid="workflow-list">
          {workflows.data.map((workflow) => (
            <li key={workflow.id}>
              <button
                type="button"
                className="workflow-item"
                aria-current={workflow.id === selectedId ? 'true' : undefined}
                onClick={() => selectWorkflow(workflow.id)}
                title={workflow.description ?? undefined}
                data-testid={`workflow-item-${workflow.id}`}
              >
                <span className="workflow-item__name">{workflow.name}</span>
                <span className="workflow-item__id">
                  {workflow.id} · v{workflow.version}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  )
}
