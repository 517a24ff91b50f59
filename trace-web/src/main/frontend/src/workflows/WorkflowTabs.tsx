import type { CanvasTab } from '../store/canvasStore'
import './WorkflowTabs.css'

interface WorkflowTabsProps {
  tab: CanvasTab
  /** The server may switch the trace view off; then only the graph is offered. */
  traceTabEnabled: boolean
  onSelect: (tab: CanvasTab) => void
}

/** The tabs of the workflow view: Graph, Trace when the server allows it, and Stats. */
export function WorkflowTabs({ tab, traceTabEnabled, onSelect }: WorkflowTabsProps) {
  return (
    <div className="tabs" role="tablist" aria-label="View">
      <TabButton id="graph" label="Graph" selected={tab === 'graph'} onSelect={onSelect} />
      {traceTabEnabled && <TabButton id="trace" label="Trace" selected={tab === 'trace'} onSelect={onSelect} />}
      <TabButton id="stats" label="Stats" selected={tab === 'stats'} onSelect={onSelect} />
    </div>
  )
}

interface TabButtonProps {
  id: CanvasTab
  label: string
  selected: boolean
  onSelect: (tab: CanvasTab) => void
}

function TabButton({ id, label, selected, onSelect }: TabButtonProps) {
  return (
    <button
      type="button"
      role="tab"
      id={`tab-${id}`}
      aria-selected={selected}
      aria-controls={`tabpanel-${id}`}
      className="tab"
      onClick={() => onSelect(id)}
      data-testid={`tab-${id}`}
    >
      {label}
    </button>
  )
}
