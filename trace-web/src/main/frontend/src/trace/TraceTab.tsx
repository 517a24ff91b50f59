import { useCallback, useMemo } from 'react'
import { queries, queryCache, useMe, useTrace, useUiConfig } from '../api/hooks'
import type { Trace } from '../api/types'
import { accessTo } from '../auth/access'
import { useCanvasStore } from '../store/canvasStore'
import { EmptyState } from '../ui/EmptyState'
import { ErrorBox } from '../ui/ErrorBox'
import { Spinner } from '../ui/Spinner'
import { SpanDetailsPane } from './SpanDetailsPane'
import './TraceTab.css'
import { TraceTimeline } from './TraceTimeline'
import { TraceToolbar } from './TraceToolbar'
import { failedNodeSpan } from './spanFacts'
import { ancestorIds, parentSpanIds } from './spanRows'
import { deleteTrace } from './traceActions'
import { useSelectedSpan } from './useSelectedSpan'
import { useTraceSearch } from './useTraceSearch'

const reload = (traceId: string) => queryCache.invalidate(queries.trace(traceId).key)

/**
 * The Trace tab's container: the selected run's trace as a waterfall, with search and span details.
 * It reads the store and the server; the toolbar and the details pane only take props.
 */
export function TraceTab() {
  const runId = useCanvasStore((s) => s.selectedRunId)
  const traceId = useCanvasStore((s) => s.selectedTraceId)
  const trace = useTrace(traceId)

  if (!runId) return <EmptyState>Pick a run from the history, or run the workflow, to see its trace.</EmptyState>
  if (!traceId) return <EmptyState>This run was not traced.</EmptyState>
  if (trace.status === 'error') {
    return <ErrorBox error={trace.error} title="Could not load the trace" onRetry={() => reload(traceId)} />
  }
  if (trace.status === 'loading' && !trace.data) return <Spinner label="Loading trace…" />
  // Keyed by trace, so a newly selected trace starts scrolled to the top with a fresh search cursor.
  return <LoadedTrace key={traceId} trace={trace.data!} reloading={trace.status === 'loading'} />
}

function LoadedTrace({ trace, reloading }: { trace: Trace; reloading: boolean }) {
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
        onReload={() => reload(trace.traceId)}
        onDelete={mayDelete ? () => deleteTrace(trace) : undefined}
        monitoringLinks={uiConfig.data?.monitoringLinks}
      />
      {trace.spans.length === 0 ? (
        <EmptyState>Collecting spans… they reach the database a moment after the run ends.</EmptyState>
      ) : (
        <div className="split">
          <TraceTimeline trace={trace} matches={search.matches} currentMatchId={search.currentMatchId} />
          <SpanDetailsPane selected={selected} placeholder="Select a span to see its details." />
        </div>
      )}
    </div>
  )
}
