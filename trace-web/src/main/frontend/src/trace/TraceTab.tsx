import { useCallback, useMemo, useState } from 'react'
import { queries, queryCache, useMe, useTrace, useUiConfig } from '../api/hooks'
import type { Trace } from '../api/types'
import { accessTo } from '../auth/access'
import { useCanvasStore } from '../store/canvasStore'
import { EmptyState } from '../ui/EmptyState'
import { ErrorBox } from '../ui/ErrorBox'
import { Spinner } from '../ui/Spinner'
import { StatusBadge } from '../ui/StatusBadge'
import { formatMicros } from '../ui/format'
import { DeleteTraceButton } from './DeleteTraceButton'
import { MonitoringLinks } from './MonitoringLinks'
import { SelectedSpanPanel } from './SelectedSpanPanel'
import { TraceSearch } from './TraceSearch'
import { TraceTimeline } from './TraceTimeline'
import { failedNodeSpan } from './spanFacts'
import { ancestorIds, findMatches, parentSpanIds } from './spanRows'
import './TraceTab.css'

/** The Trace tab: the selected run's trace as a waterfall, with search and span details. */
export function TraceTab() {
  const runId = useCanvasStore((s) => s.selectedRunId)
  const traceId = useCanvasStore((s) => s.selectedTraceId)
  const trace = useTrace(traceId)

  if (!runId) return <EmptyState>Pick a run from the history, or run the workflow, to see its trace.</EmptyState>
  if (!traceId) return <EmptyState>This run was not traced.</EmptyState>
  if (trace.status === 'error') {
    return (
      <ErrorBox
        error={trace.error}
        title="Could not load the trace"
        onRetry={() => queryCache.invalidate(queries.trace(traceId).key)}
      />
    )
  }
  if (trace.status === 'loading' && !trace.data) return <Spinner label="Loading trace…" />
  // Keyed by trace, so a newly selected trace starts scrolled to the top with a fresh search cursor.
  return <TraceView key={traceId} trace={trace.data!} reloading={trace.status === 'loading'} />
}

function TraceView({ trace, reloading }: { trace: Trace; reloading: boolean }) {
  const search = useCanvasStore((s) => s.traceSearch)
  const setTraceSearch = useCanvasStore((s) => s.setTraceSearch)
  const revealSpan = useCanvasStore((s) => s.revealSpan)
  const expandAll = useCanvasStore((s) => s.expandAll)
  const collapseAll = useCanvasStore((s) => s.collapseAll)
  const uiConfig = useUiConfig()
  const mayDelete = accessTo(useMe().data, 'deleteTrace') === 'allowed'

  const matches = useMemo(() => findMatches(trace.spans, search), [trace.spans, search])
  const matchSet = useMemo(() => new Set(matches), [matches])
  // The current match belongs to the search it was found for; a new search starts over.
  const [cursor, setCursor] = useState<{ search: string; index: number | null }>({ search: '', index: null })
  const currentIndex = cursor.search === search ? cursor.index : null
  const failedSpan = useMemo(() => failedNodeSpan(trace.spans), [trace.spans])
  const runFailed = trace.run?.status === 'FAILED' || (trace.run === null && trace.errorCount > 0)

  const showMatch = useCallback(
    (spanId: string) => revealSpan(spanId, ancestorIds(spanId, trace.spans), { select: false }),
    [revealSpan, trace.spans],
  )

  const onSearchChange = (text: string) => {
    setTraceSearch(text)
    const first = findMatches(trace.spans, text)[0]
    setCursor({ search: text, index: first ? 0 : null })
    if (first) showMatch(first)
  }

  const onStep = (direction: 1 | -1) => {
    if (matches.length === 0) return
    const index =
      currentIndex === null
        ? direction === 1
          ? 0
          : matches.length - 1
        : (currentIndex + direction + matches.length) % matches.length
    setCursor({ search, index })
    showMatch(matches[index])
  }

  const followFailedNode = () => {
    if (failedSpan) revealSpan(failedSpan.spanId, ancestorIds(failedSpan.spanId, trace.spans))
  }

  return (
    <div className="trace-tab">
      <div className="trace-toolbar">
        <div className="trace-summary">
          {trace.run && <StatusBadge status={trace.run.status} />}
          <span>{formatMicros(trace.durationMicros)}</span>
          <span>{trace.spanCount.toLocaleString()} spans</span>
          {trace.errorCount > 0 && <span className="text-error">{trace.errorCount} errors</span>}
          {reloading && <Spinner label="Refreshing…" />}
        </div>
        {runFailed && (
          <button
            type="button"
            className="button button--danger"
            onClick={followFailedNode}
            disabled={!failedSpan}
            title={failedSpan ? `Select ${failedSpan.name}` : 'No failed node span in this trace'}
            data-testid="follow-failed-node"
          >
            Follow failed node
          </button>
        )}
        <TraceSearch
          value={search}
          matchCount={matches.length}
          currentIndex={currentIndex}
          onChange={onSearchChange}
          onStep={onStep}
        />
        <div className="trace-toolbar__folding">
          <button type="button" className="button button--small" onClick={expandAll}>
            Expand all
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => collapseAll(parentSpanIds(trace.spans))}
          >
            Collapse all
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => queryCache.invalidate(queries.trace(trace.traceId).key)}
          >
            Reload
          </button>
          {mayDelete && <DeleteTraceButton trace={trace} />}
        </div>
        {uiConfig.data && <MonitoringLinks links={uiConfig.data.monitoringLinks} trace={trace} />}
      </div>
      {trace.spans.length === 0 ? (
        <EmptyState>Collecting spans… they reach the database a moment after the run ends.</EmptyState>
      ) : (
        <div className="split">
          <TraceTimeline
            trace={trace}
            matches={matchSet}
            currentMatchId={currentIndex === null ? null : matches[currentIndex]}
          />
          <SelectedSpanPanel placeholder="Select a span to see its details." />
        </div>
      )}
    </div>
  )
}
