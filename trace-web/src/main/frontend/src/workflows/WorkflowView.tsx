import { useEffect } from 'react'
import { useRefreshTraceUntilComplete, useRun, useTrace, useUiConfig, useWorkflow } from '../api/hooks'
import type { WorkflowDefinition } from '../api/types'
import { WorkflowGraph } from '../canvas/WorkflowGraph'
import { hasEnded } from '../live/liveRun'
import { useLiveRun } from '../live/liveRuns'
import { useUsualDurations } from '../live/useUsualDurations'
import { useCanvasStore, type CanvasTab } from '../store/canvasStore'
import { StatsView } from '../stats/StatsView'
import { SpanDetailsPane } from '../trace/SpanDetailsPane'
import { TraceTab } from '../trace/TraceTab'
import { useSelectedSpan } from '../trace/useSelectedSpan'
import { EmptyState } from '../ui/EmptyState'
import { ErrorBox } from '../ui/ErrorBox'
import { Spinner } from '../ui/Spinner'
import { WorkflowHeader } from './WorkflowHeader'
import { WorkflowTabs } from './WorkflowTabs'
import './WorkflowView.css'

/**
 * The main area's container: the selected workflow, as a graph coloured by the selected run or as
 * that run's trace (the Trace tab is a container of its own).
 */
export function WorkflowView() {
  const workflowId = useCanvasStore((s) => s.selectedWorkflowId)
  const runId = useCanvasStore((s) => s.selectedRunId)
  // A trace opened by its URL shows at once: its workflow is known (and drawn) only later.
  const traceFirst = useCanvasStore((s) => s.activeTab === 'trace' && s.selectedTraceId !== null)
  const workflow = useWorkflow(workflowId)

  if (!workflowId && traceFirst) return <TraceFirst />
  if (!workflowId && runId) return <RunByUrl runId={runId} />
  if (!workflowId) return <EmptyState>Pick a workflow on the left to see it and run it.</EmptyState>
  if (workflow.status === 'loading') return traceFirst ? <TraceFirst /> : <Spinner label="Loading workflow…" />
  if (workflow.status === 'error') return <ErrorBox error={workflow.error} title="Could not load the workflow" />
  return <LoadedWorkflow definition={workflow.data} />
}

/** The Trace tab alone, while the trace's workflow is not known or not loaded yet. */
function TraceFirst() {
  return (
    <div className="workflow-view">
      <TraceTab />
    </div>
  )
}

/** A run opened by its URL: looked up, then shown in its workflow. */
function RunByUrl({ runId }: { runId: string }) {
  const run = useRun(runId)
  const adoptRun = useCanvasStore((s) => s.adoptRun)
  useEffect(() => {
    if (run.status === 'success') adoptRun(run.data)
  }, [run, adoptRun])
  if (run.status === 'error') return <ErrorBox error={run.error} title={`Could not open run ${runId}`} />
  return <Spinner label="Loading run…" />
}

function LoadedWorkflow({ definition }: { definition: WorkflowDefinition }) {
  const activeTab = useCanvasStore((s) => s.activeTab)
  const setActiveTab = useCanvasStore((s) => s.setActiveTab)
  const traceId = useCanvasStore((s) => s.selectedTraceId)
  const selectedSpanId = useCanvasStore((s) => s.selectedSpanId)
  const revealSpan = useCanvasStore((s) => s.revealSpan)
  const runId = useCanvasStore((s) => s.selectedRunId)
  const live = useLiveRun(runId)
  const usual = useUsualDurations(runId, live !== null && !hasEnded(live))
  useRefreshTraceUntilComplete(traceId, live !== null && !hasEnded(live))
  const traceState = useTrace(traceId)
  const uiConfig = useUiConfig()
  // The trace tab is the server's to switch off (traceTabEnabled is the rollback switch).
  const traceTabEnabled = uiConfig.status === 'success' && uiConfig.data.traceTabEnabled
  const tab: CanvasTab = traceTabEnabled || activeTab !== 'trace' ? activeTab : 'graph'
  // Beside the graph, the selected span's details show only where the trace view is allowed.
  const selected = useSelectedSpan(traceId ? traceState.data : null, selectedSpanId, tab === 'graph' && traceTabEnabled)

  return (
    <div className="workflow-view">
      <WorkflowHeader definition={definition}>
        <WorkflowTabs tab={tab} traceTabEnabled={traceTabEnabled} onSelect={setActiveTab} />
      </WorkflowHeader>
      {uiConfig.status === 'success' && !traceTabEnabled && (
        <p className="note">The trace view is turned off on this server.</p>
      )}
      {uiConfig.status === 'error' && (
        <ErrorBox error={uiConfig.error} title="Could not load the UI settings, so the trace view is hidden" />
      )}
      <div className="tab-panel" role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'graph' ? (
          <div className="split">
            <WorkflowGraph
              key={definition.id}
              definition={definition}
              trace={traceId && traceState.status === 'success' ? traceState.data : null}
              live={live}
              usual={usual}
              selectedSpanId={selectedSpanId}
              onRevealSpan={revealSpan}
            />
            {traceTabEnabled && <SpanDetailsPane selected={selected} />}
          </div>
        ) : tab === 'stats' ? (
          <StatsView workflowId={definition.id} />
        ) : (
          <TraceTab />
        )}
      </div>
    </div>
  )
}
