import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react'
import type { ScrollRequest } from '../store/canvasStore'
import { ROW_HEIGHT, SpanRow } from './SpanRow'
import './SpanWaterfall.css'
import { TimelineHeader } from './TimelineHeader'
import type { TimeWindow } from '../store/canvasStore'
import { rowIndexOf, type TimelineRow } from './spanRows'
import { useScrollViewport } from './useScrollViewport'
import { visibleRange } from './virtualWindow'

const OVERSCAN = 12

interface SpanWaterfallProps {
  rows: readonly TimelineRow[]
  window: TimeWindow
  selectedSpanId: string | null
  matches: ReadonlySet<string>
  currentMatchId: string | null
  critical: ReadonlySet<string>
  /** A span to scroll into view; each request (by `seq`) is handled once. */
  scrollRequest: ScrollRequest | null
  onSelect: (spanId: string) => void
  onToggle: (spanId: string) => void
  /** Selects a span and scrolls to it, for the arrow keys. */
  onReveal: (spanId: string) => void
}

/**
 * The waterfall as drawn: the time axis over a scrolled list of rows. Only the rows in view (plus
 * an overscan buffer) are rendered, absolutely positioned in a tall spacer.
 */
export function SpanWaterfall({
  rows,
  window,
  selectedSpanId,
  matches,
  currentMatchId,
  critical,
  scrollRequest,
  onSelect,
  onToggle,
  onReveal,
}: SpanWaterfallProps) {
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
      if (rows[next]) onReveal(rows[next].span.spanId)
    },
    [rows, selectedSpanId, onReveal],
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
        window={window}
        selected={spanId === selectedSpanId}
        matched={matches.has(spanId)}
        currentMatch={spanId === currentMatchId}
        critical={critical.has(spanId)}
        onSelect={onSelect}
        onToggle={onToggle}
      />,
    )
  }

  return (
    <div className="timeline">
      <TimelineHeader window={window} />
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
