import { useCallback, useEffect, useMemo } from 'react'
import { queries, queryCache, useMe, useTrace, useUiConfig, useWorkflow } from '../api/hooks'
import { hasEnded, type LiveRunState } from '../live/liveRun'
import { useLiveRun } from '../live/liveRuns'
import { withSpansInFlight } from './spansInFlight'
import { useUsualDurations } from '../live/useUsualDurations'
import { useNow } from '../ui/useNow'
import type { Trace } from '../api/types'
import { accessTo } from '../auth/access'
import { useCanvasStore } from '../store/canvasStore'
import { EmptyState } from '../ui/EmptyState'
import { ErrorBox } from '../ui/ErrorBox'
import { Spinner } from '../ui/Spinner'
import { SpanDetailsPane } from './SpanDetailsPane'
import './TraceTab.css'
import { SpanTable } from './SpanTable'
import { TraceTimeline } from './TraceTimeline'
import { TraceToolbar } from './TraceToolbar'
import { criticalPath } from './criticalPath'
import { failedNodeSpan } from './spanFacts'
import { ancestorIds, nodeSpanIdsWithAttempts, parentSpanIds, spansById } from './spanRows'
import { deleteTrace } from './traceActions'
import { useSelectedSpan } from './useSelectedSpan'
import { useTraceSearch } from './useTraceSearch'

/** How often open bars grow while the run runs. */
const OPEN_BAR_TICK_MS = 250

const reload = (traceId: string) => queryCache.invalidate(queries.trace(traceId).key)

/**
 * The Trace tab's container: the selected run's trace as a waterfall, with search and span details.
 * It reads the store and the server; the toolbar and the details pane only take props.
 */
export function TraceTab() {
  const runId = useCanvasStore((s) => s.selectedRunId)
  const traceId = useCanvasStore((s) => s.selectedTraceId)
  const trace = useTrace(traceId)
  const live = useLiveRun(runId)

  if (!runId && !traceId) {
    return <EmptyState>Pick a run from the history, or run the workflow, to see its trace.</EmptyState>
  }
  if (!traceId && live?.status === 'QUEUED') {
    return <EmptyState>Queued: the run starts when a server takes it off the run queue.</EmptyState>
  }
  if (!traceId) return <EmptyState>This run was not traced.</EmptyState>
  if (trace.status === 'error') {
    return <ErrorBox error={trace.error} title={`Could not open trace ${traceId}`} onRetry={() => reload(traceId)} />
  }
  if (trace.status === 'loading' && !trace.data) return <Spinner label="Loading trace…" />
  // Keyed by trace, so a newly selected trace starts scrolled to the top with a fresh search cursor.
  return <LoadedTrace key={traceId} stored={trace.data!} live={live} reloading={trace.status === 'loading'} />
}

interface LoadedTraceProps {
  stored: Trace
  /** The run as it happens: while it runs, its open spans are drawn as growing bars. */
  live: LiveRunState | null
  reloading: boolean
}

function LoadedTrace({ stored, live, reloading }: LoadedTraceProps) {
  const running = live !== null && !hasEnded(live)
  const now = useNow(running ? OPEN_BAR_TICK_MS : null)
  const definition = useWorkflow(useCanvasStore((s) => s.selectedWorkflowId)).data
  const nodeTypes = useMemo(() => new Map((definition?.nodes ?? []).map((n) => [n.id, n.type])), [definition])
  const usual = useUsualDurations(live?.runId ?? null, running)
  const trace = useMemo(
    () => withSpansInFlight(stored, live, nodeTypes, now, usual),
    [stored, live, nodeTypes, now, usual],
  )
  // A trace opened by its URL: its run names the workflow to show it in.
  const adoptRun = useCanvasStore((s) => s.adoptRun)
  useEffect(() => {
    if (stored.run) adoptRun(stored.run)
  }, [stored.run, adoptRun])
  // A span named by the URL: open its ancestors and scroll to it, once.
  useEffect(() => {
    const spanId = useCanvasStore.getState().selectedSpanId
    if (spanId && spansById(stored.spans).has(spanId)) {
      useCanvasStore.getState().revealSpan(spanId, ancestorIds(spanId, stored.spans))
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  const searchText = useCanvasStore((s) => s.traceSearch)
  const setTraceSearch = useCanvasStore((s) => s.setTraceSearch)
  const selectedSpanId = useCanvasStore((s) => s.selectedSpanId)
  const revealSpan = useCanvasStore((s) => s.revealSpan)
  const expandAll = useCanvasStore((s) => s.expandAll)
  const collapseAll = useCanvasStore((s) => s.collapseAll)
  const uiConfig = useUiConfig()
  const mayDelete = accessTo(useMe().data, 'deleteTrace') === 'allowed'
  const selected = useSelectedSpan(trace, selectedSpanId)

  const showMatch = useCallback(
    (spanId: string) => revealSpan(spanId, ancestorIds(spanId, trace.spans), { select: false }),
    [revealSpan, trace.spans],
  )
  const search = useTraceSearch(trace.spans, searchText, setTraceSearch, showMatch)
  const failedSpan = useMemo(() => failedNodeSpan(trace.spans), [trace.spans])
  const showCriticalPath = useCanvasStore((s) => s.showCriticalPath)
  const toggleCriticalPath = useCanvasStore((s) => s.toggleCriticalPath)
  const traceLayout = useCanvasStore((s) => s.traceLayout)
  const setTraceLayout = useCanvasStore((s) => s.setTraceLayout)
  const selectSpan = useCanvasStore((s) => s.selectSpan)
  const critical = useMemo(
    () => (showCriticalPath ? criticalPath(trace.spans) : undefined),
    [showCriticalPath, trace.spans],
  )
  const runFailed = trace.run?.status === 'FAILED' || (trace.run === null && trace.errorCount > 0)

  const followFailedNode = () => {
    if (failedSpan) revealSpan(failedSpan.spanId, ancestorIds(failedSpan.spanId, trace.spans))
  }

  return (
    <div className="trace-tab">
      <TraceToolbar
        trace={trace}
        reloading={reloading}
        runFailed={runFailed}
        failedSpan={failedSpan}
        onFollowFailedNode={followFailedNode}
        search={search.box}
        onExpandAll={expandAll}
        onCollapseAll={() => collapseAll(parentSpanIds(trace.spans))}
        onCollapseAttempts={() => collapseAll(nodeSpanIdsWithAttempts(trace.spans))}
        onReload={() => reload(trace.traceId)}
        criticalPath={{ shown: showCriticalPath, onToggle: toggleCriticalPath }}
        layout={{ current: traceLayout, onChange: setTraceLayout }}
        onDelete={mayDelete ? () => deleteTrace(trace) : undefined}
        monitoringLinks={uiConfig.data?.monitoringLinks}
      />
      {trace.detailsOmitted && (
        <p className="note trace-tab__notice" data-testid="trace-details-omitted">
          This trace is too large to send with every span&apos;s attributes and events, so they are left out here.
          Select a span to see all of it.
        </p>
      )}
      {trace.spans.length === 0 ? (
        <EmptyState>
          {running
            ? 'Running… each span appears when it ends; open spans show once the run has started.'
            : 'Collecting spans… they reach the database a moment after the run ends.'}
        </EmptyState>
      ) : (
        <div className="split">
          {traceLayout === 'table' ? (
            <SpanTable spans={trace.spans} selectedSpanId={selectedSpanId} onSelect={selectSpan} />
          ) : (
            <TraceTimeline
              trace={trace}
              matches={search.matches}
              currentMatchId={search.currentMatchId}
              critical={critical}
            />
          )}
          <SpanDetailsPane selected={selected} placeholder="Select a span to see its details." />
        </div>
      )}
    </div>
  )
}
