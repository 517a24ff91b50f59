import { useRefreshTraceUntilComplete, useUiConfig, useWorkflow } from '../api/hooks'
import type { WorkflowDefinition } from '../api/types'
import { WorkflowGraph } from '../canvas/WorkflowGraph'
import { useCanvasStore, type CanvasTab } from '../store/canvasStore'
import { TraceTab } from '../trace/TraceTab'
import { SelectedSpanPanel } from '../trace/SelectedSpanPanel'
import { EmptyState } from '../ui/EmptyState'
import { ErrorBox } from '../ui/ErrorBox'
import { Spinner } from '../ui/Spinner'
import './WorkflowView.css'

/** The main area: the selected workflow, as a graph or as the trace of the selected run. */
export function WorkflowView() {
  const workflowId = useCanvasStore((s) => s.selectedWorkflowId)
  const workflow = useWorkflow(workflowId)

  if (!workflowId) return <EmptyState>Pick a workflow on the left to see it and run it.</EmptyState>
  if (workflow.status === 'loading') return <Spinner label="Loading workflow…" />
  if (workflow.status === 'error') return <ErrorBox error={workflow.error} title="Could not load the workflow" />
  return <WorkflowTabs definition={workflow.data} />
}

function WorkflowTabs({ definition }: { definition: WorkflowDefinition }) {
  const activeTab = useCanvasStore((s) => s.activeTab)
  const setActiveTab = useCanvasStore((s) => s.setActiveTab)
  useRefreshTraceUntilComplete(useCanvasStore((s) => s.selectedTraceId))
  const uiConfig = useUiConfig()
  // The trace tab is the server's to switch off (traceTabEnabled is the rollback switch).
  const traceTabEnabled = uiConfig.status === 'success' && uiConfig.data.traceTabEnabled
  const tab: CanvasTab = traceTabEnabled ? activeTab : 'graph'

  const tabButton = (id: CanvasTab, label: string) => (
    <button
      type="button"
      role="tab"
      id={`tab-${id}`}
      aria-selected={tab === id}
      aria-controls={`tabpanel-${id}`}
      className="tab"
      onClick={() => setActiveTab(id)}
      data-testid={`tab-${id}`}
    >
      {label}
    </button>
  )

  return (
    <div className="workflow-view">
      <header className="workflow-header">
        <div>
          <h2>{definition.name}</h2>
          <p className="muted">
            {definition.id} · v{definition.version} · {definition.nodes.length} nodes
            {definition.description && ` — ${definition.description}`}
          </p>
        </div>
        <div className="tabs" role="tablist" aria-label="View">
          {tabButton('graph', 'Graph')}
          {traceTabEnabled && tabButton('trace', 'Trace')}
        </div>
      </header>
      {uiConfig.status === 'success' && !traceTabEnabled && (
        <p className="note">The trace view is turned off on this server.</p>
      )}
      {uiConfig.status === 'error' && (
        <ErrorBox error={uiConfig.error} title="Could not load the UI settings, so the trace view is hidden" />
      )}
      <div className="tab-panel" role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'graph' ? (
          <div className="split">
            <WorkflowGraph key={definition.id} definition={definition} />
            {traceTabEnabled && <SelectedSpanPanel />}
          </div>
        ) : (
          <TraceTab />
        )}
      </div>
    </div>
  )
}
