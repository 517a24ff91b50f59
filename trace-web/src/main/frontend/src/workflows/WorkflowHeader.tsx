import type { ReactNode } from 'react'
import type { WorkflowDefinition } from '../api/types'
import './WorkflowHeader.css'

/** The workflow's name, id, version, size and description, with the tabs (`children`) on the right. */
export function WorkflowHeader({ definition, children }: { definition: WorkflowDefinition; children: ReactNode }) {
  return (
    <header className="workflow-header">
      <div>
        <h2>{definition.name}</h2>
        <p className="muted">
          {definition.id} · v{definition.version} · {definition.nodes.length} nodes
          {definition.description && ` — ${definition.description}`}
        </p>
      </div>
      {children}
    </header>
  )
}
