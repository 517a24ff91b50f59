import type { QueryState } from '../api/queryCache'
import type { WorkflowSummary } from '../api/types'
import { EmptyState } from '../ui/EmptyState'
import { ErrorBox } from '../ui/ErrorBox'
import { Spinner } from '../ui/Spinner'
import './WorkflowList.css'

interface WorkflowListProps {
  workflows: QueryState<WorkflowSummary[]>
  /** The workflow shown in the main area, if any. */
  selectedId: string | null
  onSelect: (workflowId: string) => void
}

/** The workflows defined on the server, each a button that opens it; or why there are none to show. */
export function WorkflowList({ workflows, selectedId, onSelect }: WorkflowListProps) {
  if (workflows.status === 'loading') return <Spinner label="Loading workflows…" />
  if (workflows.status === 'error') return <ErrorBox error={workflows.error} title="Could not load the workflows" />
  if (workflows.data.length === 0) return <EmptyState>No workflows defined.</EmptyState>
  return (
    <ul className="workflow-list" data-testid="workflow-list">
      {workflows.data.map((workflow) => (
        <li key={workflow.id}>
          <button
            type="button"
            className="workflow-item"
            aria-current={workflow.id === selectedId ? 'true' : undefined}
            onClick={() => onSelect(workflow.id)}
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
  )
}
