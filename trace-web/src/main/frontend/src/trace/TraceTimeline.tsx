import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent } from 'react'
import type { Trace } from '../api/types'
import { useCanvasStore } from '../store/canvasStore'
import { ROW_HEIGHT, SpanRow } from './SpanRow'
import { TimelineHeader } from './TimelineHeader'
import { buildRows, rowIndexOf } from './spanRows'
import { useScrollViewport } from './useScrollViewport'
import { visibleRange } from './virtualWindow'
import './TraceTimeline.css'

const OVERSCAN = 12
const NO_MATCHES: ReadonlySet<string> = new Set()

interface TraceTimelineProps {
  trace: Trace
  matches?: ReadonlySet<string>
  currentMatchId?: string | null
}

/**
 * The waterfall. Rows come from a pure function of the spans and the collapsed ids; only the
 * rows in view (plus an overscan buffer) are rendered, absolutely positioned in a tall spacer.
 */
export function TraceTimeline({ trace, matches = NO_MATCHES, currentMatchId = null }: TraceTimelineProps) {
  const collapsedSpanIds = useCanvasStore((s) => s.collapsedSpanIds)
  const selectedSpanId = useCanvasStore((s) => s.selectedSpanId)
  const scrollRequest = useCanvasStore((s) => s.scrollRequest)
  const selectSpan = useCanvasStore((s) => s.selectSpan)
  const revealSpan = useCanvasStore((s) => s.revealSpan)
  const toggleCollapsed = useCanvasStore((s) => s.toggleCollapsed)

  const rows = useMemo(() => buildRows(trace.spans, collapsedSpanIds), [trace.spans, collapsedSpanIds])
  const { attach, onScroll, scrollTop, height, revealRow } = useScrollViewport(600)
  const { start, end } = visibleRange({
    scrollTop,
    viewportHeight: height,
    rowHeight: ROW_HEIGHT,
    rowCount: rows.length,
    overscan: OVERSCAN,
  })

  // Scroll to a span when asked (follow failed node, search, graph click), once per request.
  const handledScrollSeq = useRef(0)
  useEffect(() => {
    if (!scrollRequest || scrollRequest.seq === handledScrollSeq.current) return
    const index = rowIndexOf(rows, scrollRequest.spanId)
    if (index >= 0 && revealRow(index, ROW_HEIGHT)) handledScrollSeq.current = scrollRequest.seq
  }, [scrollRequest, rows, revealRow])

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
      event.preventDefault()
      const current = selectedSpanId ? rowIndexOf(rows, selectedSpanId) : -1
      const next = Math.min(rows.length - 1, Math.max(0, current + (event.key === 'ArrowDown' ? 1 : -1)))
      if (rows[next]) revealSpan(rows[next].span.spanId, [])
    },
    [rows, selectedSpanId, revealSpan],
  )

  const visibleRows = []
  for (let index = start; index < end; index++) {
    const row = rows[index]
    const spanId = row.span.spanId
    visibleRows.push(
      <SpanRow
        key={spanId}
        row={row}
        index={index}
        traceDurationMicros={trace.durationMicros}
        selected={spanId === selectedSpanId}
        matched={matches.has(spanId)}
        currentMatch={spanId === currentMatchId}
        onSelect={selectSpan}
        onToggle={toggleCollapsed}
      />,
    )
  }

  return (
    <div className="timeline">
      <TimelineHeader durationMicros={trace.durationMicros} />
      <div
        className="timeline__viewport"
        ref={attach}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
        tabIndex={0}
        role="treegrid"
        aria-label="Spans"
        aria-rowcount={rows.length}
        data-testid="trace-timeline"
      >
        <div className="timeline__spacer" style={{ height: rows.length * ROW_HEIGHT }}>
          {visibleRows}
        </div>
      </div>
    </div>
  )
}
